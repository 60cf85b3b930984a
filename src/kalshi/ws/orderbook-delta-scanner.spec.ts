import fc from 'fast-check';
import {
  DeltaFields,
  DeltaParse,
  deltaFromJson,
  parseScaledRange,
  scanOrderBookDelta,
} from './orderbook-delta-scanner';
import { parseScaled } from '../fixed-point';

/** The reference: JSON.parse, then the same field rules. */
function reference(text: string): DeltaFields | 'not-json' | 'not-ok' {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not-json';
  }
  const out = new DeltaFields();
  return deltaFromJson(parsed, out) === DeltaParse.OK ? out : 'not-ok';
}

function fieldsOf(fields: DeltaFields, text: string) {
  return {
    sid: fields.sid,
    seq: fields.seq,
    ticker: fields.ticker ?? text.slice(fields.tickerStart, fields.tickerEnd),
    priceE4: fields.priceE4,
    deltaE2: fields.deltaE2,
    side: fields.side,
    tsMs: fields.tsMs,
  };
}

/** The scanner either declines (the caller falls back) or agrees with JSON.parse exactly. */
function expectAgreement(text: string): boolean {
  const scanned = new DeltaFields();
  const accepted = scanOrderBookDelta(text, scanned);
  const expected = reference(text);
  if (accepted) {
    expect(expected).toBeInstanceOf(DeltaFields);
    expect(fieldsOf(scanned, text)).toEqual(fieldsOf(expected as DeltaFields, text));
  }
  return accepted;
}

const ticker = fc.stringMatching(/^[A-Z0-9][A-Z0-9.-]{0,40}$/);
const price = fc.oneof(
  fc
    .integer({ min: 0, max: 10_000 })
    .map((p) => `${Math.floor(p / 10_000)}.${String(p % 10_000).padStart(4, '0')}`),
  fc.integer({ min: 1, max: 99 }).map((c) => `0.${String(c).padStart(2, '0')}`),
  fc.integer({ min: 1, max: 999 }).map((m) => `0.${String(m).padStart(3, '0')}`),
  fc.constantFrom('0.420000', '0.4', '1', '0.42001', '', '-0.10', '0.4.2'),
);
const count = fc.oneof(
  fc
    .integer({ min: -1_000_000, max: 1_000_000 })
    .map(
      (n) =>
        `${n < 0 ? '-' : ''}${Math.floor(Math.abs(n) / 100)}.${String(Math.abs(n) % 100).padStart(2, '0')}`,
    ),
  fc.integer({ min: -500, max: 500 }).map(String),
  fc.constantFrom('-0.00', '10.001', '1e2', '--1', ''),
);
const space = fc.constantFrom('', ' ', '\n', '\t ', '\r\n');
const extraValue = fc.oneof(
  fc.constantFrom(
    'true',
    'false',
    'null',
    '0',
    '-1.5e3',
    '12.25',
    '"x"',
    '"9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1"',
    '"2026-09-21T14:13:20Z"',
  ),
  fc.integer().map(String),
);

/** A delta frame as Kalshi (or a variant of it) could write it: any key order, spacing, optional keys. */
const deltaFrame = fc
  .record({
    sid: fc.nat({ max: 1_000_000 }),
    seq: fc.nat(),
    ticker,
    price,
    delta: count,
    side: fc.constantFrom('yes', 'no'),
    tsMs: fc.option(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { nil: undefined }),
    extras: fc.array(
      fc.tuple(
        fc.constantFrom('market_id', 'ts', 'client_order_id', 'subaccount', 'id'),
        extraValue,
      ),
      { maxLength: 3 },
    ),
    topExtras: fc.array(fc.tuple(fc.constantFrom('id', 'channel'), extraValue), { maxLength: 1 }),
    s: space,
    msgOrder: fc.nat(),
    topOrder: fc.nat(),
  })
  .map((f) => {
    const msgEntries = [
      `"market_ticker":${f.s}"${f.ticker}"`,
      `"price_dollars":"${f.price}"`,
      `"delta_fp":"${f.delta}"`,
      `"side":"${f.side}"`,
      ...(f.tsMs === undefined ? [] : [`"ts_ms":${f.tsMs}`]),
      ...f.extras.filter(([key]) => key !== 'id').map(([key, value]) => `"${key}":${value}`),
    ];
    const rotate = <T>(list: T[], by: number) => list.map((_, i) => list[(i + by) % list.length]);
    const msg = `{${f.s}${rotate(msgEntries, f.msgOrder).join(`,${f.s}`)}${f.s}}`;
    const top = [
      `"type":"orderbook_delta"`,
      `"sid":${f.sid}`,
      `"seq":${f.seq}`,
      `"msg":${f.s}${msg}`,
      ...f.topExtras.map(([key, value]) => `"${key}":${value}`),
    ];
    return `${f.s}{${rotate(top, f.topOrder).join(`,${f.s}`)}}${f.s}`;
  });

/** Exactly the layout Kalshi writes (the scanner's first path): no spaces, fixed key order, every key present. */
const kalshiFrame = fc
  .record({
    sid: fc.nat({ max: 1_000_000 }),
    seq: fc.nat(),
    ticker,
    id: fc.constantFrom('9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1', '', 'x'),
    price,
    delta: count,
    side: fc.constantFrom('yes', 'no'),
    tsMs: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  })
  .map(
    (f) =>
      `{"type":"orderbook_delta","sid":${f.sid},"seq":${f.seq},"msg":{"market_ticker":"${f.ticker}","market_id":"${f.id}",` +
      `"price_dollars":"${f.price}","delta_fp":"${f.delta}","side":"${f.side}","ts_ms":${f.tsMs}}}`,
  );

const mutations = fc.constantFrom(
  '',
  '"',
  '\\',
  '{',
  '}',
  ',',
  ':',
  '[',
  ']',
  'x',
  '0',
  '-',
  '.',
  ' ',
  '\u0001',
  'e',
  'null',
  '"sid":9,',
  '"msg":{},',
);

/** Frames with a few characters cut at a random place and one of `mutations` put there instead. */
const mutate = (frames: fc.Arbitrary<string>) =>
  fc.tuple(frames, fc.nat(), fc.nat({ max: 4 }), mutations).map(([text, at, cut, insert]) => {
    const position = at % (text.length + 1);
    return text.slice(0, position) + insert + text.slice(position + cut);
  });

describe('scanOrderBookDelta', () => {
  it("agrees with JSON.parse on Kalshi's own layout, whole or cut, inserted into and replaced", () => {
    fc.assert(
      fc.property(kalshiFrame, (text) => {
        const accepted = expectAgreement(text);
        if (reference(text) instanceof DeltaFields) expect(accepted).toBe(true);
      }),
      { numRuns: 3000 },
    );
    const mutated = mutate(kalshiFrame);
    fc.assert(
      fc.property(mutated, (text) => {
        expectAgreement(text);
      }),
      { numRuns: 10_000 },
    );
  });

  it('returns (and falls back) on a frame cut off inside any number, instead of reading past its end', () => {
    const frame =
      '{"type":"orderbook_delta","sid":12,"seq":345,"msg":{"market_ticker":"KXHIGHNY-26OCT01-T61","extra":1234.5e12,"price_dollars":"0.4200","delta_fp":"-13.00","side":"yes","ts_ms":1790000000123}}';
    const out = new DeltaFields();
    for (let cut = 1; cut < frame.length; cut++)
      expect(scanOrderBookDelta(frame.slice(0, cut), out)).toBe(false);
    expect(scanOrderBookDelta(frame, out)).toBe(true);
  });

  it('reads the PROTOCOL example frame straight into integers', () => {
    const text =
      '{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"KXHIGHNY-26OCT01-T61","market_id":"9b0f6b43","price_dollars":"0.4200","delta_fp":"-13.00","side":"yes","ts_ms":1790000000123,"ts":"2026-09-21T14:13:20Z","client_order_id":"6f1c2b9e","subaccount":0}}';
    const fields = new DeltaFields();
    expect(scanOrderBookDelta(text, fields)).toBe(true);
    expect(fieldsOf(fields, text)).toEqual({
      sid: 1,
      seq: 2,
      ticker: 'KXHIGHNY-26OCT01-T61',
      priceE4: 4200,
      deltaE2: -1300,
      side: 'yes',
      tsMs: 1790000000123,
    });
  });

  it('agrees with JSON.parse on generated delta frames, and accepts every well-formed one', () => {
    fc.assert(
      fc.property(deltaFrame, (text) => {
        const accepted = expectAgreement(text);
        const expected = reference(text);
        // Every frame that JSON.parse reads as a valid delta is taken by the fast path (no silent fallback).
        if (expected instanceof DeltaFields) expect(accepted).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never accepts a frame JSON.parse would reject or read differently, whatever is cut, inserted or replaced', () => {
    const mutated = mutate(deltaFrame);
    fc.assert(
      fc.property(mutated, (text) => {
        expectAgreement(text);
      }),
      { numRuns: 10_000 },
    );
  });

  it('falls back on escapes, nested values, duplicate keys and other frame types', () => {
    const base = (msg: string, top = '"type":"orderbook_delta","sid":1,"seq":2') =>
      `{${top},"msg":{${msg}}}`;
    const good = '"market_ticker":"A","price_dollars":"0.4200","delta_fp":"1.00","side":"no"';
    const declined = [
      base('"market_ticker":"A\\u0042","price_dollars":"0.4200","delta_fp":"1.00","side":"no"'),
      base(`${good},"extra":{"nested":true}`),
      base(`${good},"list":[1,2]`),
      base(`${good},"side":"yes"`),
      base(good, '"type":"orderbook_delta","sid":1,"sid":3,"seq":2'),
      base(good, '"type":"orderbook_snapshot","sid":1,"seq":2'),
      base(good, '"type":"orderbook_delta","sid":1.0,"seq":2'),
      base(good, '"type":"orderbook_delta","sid":01,"seq":2'),
      base(good, '"type":"orderbook_delta","sid":1'),
      base(`${good},"ts_ms":null`),
      `${base(good)}x`,
    ];
    for (const text of declined) expect(expectAgreement(text)).toBe(false);
    // What the fallback makes of them is the reference itself: two of them are still valid deltas.
    expect(reference(declined[0])).toBeInstanceOf(DeltaFields);
    expect(reference(declined[6])).toBeInstanceOf(DeltaFields);
    expect(reference(declined[9])).toBeInstanceOf(DeltaFields);
    expect(reference(declined[5])).toBe('not-ok');
    expect(reference(declined[10])).toBe('not-json');
  });

  it('parses a range of the text exactly as parseScaled parses the substring', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 5 }),
        fc.constantFrom<[number, number, boolean]>([4, 6, false], [2, 2, true], [6, 6, true]),
        (text, prefix, [scale, max, signed]) => {
          const padded = `${prefix}${text}"`;
          expect(
            Object.is(
              parseScaledRange(
                padded,
                prefix.length,
                prefix.length + text.length,
                scale,
                max,
                signed,
              ),
              parseScaled(text, scale, max, signed),
            ) ||
              (Number.isNaN(parseScaled(text, scale, max, signed)) &&
                Number.isNaN(
                  parseScaledRange(
                    padded,
                    prefix.length,
                    prefix.length + text.length,
                    scale,
                    max,
                    signed,
                  ),
                )),
          ).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
