import fc from 'fast-check';
import {
  formatCountE2,
  formatDollarsE6,
  formatPriceE4,
  notionalE6,
  parseCountE2,
  parseDollarsE6,
  parsePriceE4,
  parseSignedCountE2,
  requireCountE2,
  requirePriceE4,
} from './fixed-point';

describe('fixed-point wire numbers', () => {
  it.each([
    ['"0.4200" (4 decimals)', '0.4200', 4200],
    ['"0.42" (2 decimals, requests)', '0.42', 4200],
    ['"0.0001", a sub-cent tick', '0.0001', 1],
    ['"0.0000"', '0.0000', 0],
    ['"1.0000"', '1.0000', 10000],
    ['"0.086700", a 6-decimal fee', '0.086700', 867],
    ['"0.9990", a deci-cent price', '0.9990', 9990],
  ])('reads the price %s exactly', (_name, text, expected) => {
    expect(parsePriceE4(text)).toBe(expected);
  });

  it.each([
    ['a finer-than-$0.0001 value', '0.00005'],
    ['a negative price', '-0.42'],
    ['an exponent', '4.2e-1'],
    ['a leading dot', '.42'],
    ['a trailing dot', '0.'],
    ['spaces', ' 0.42'],
    ['an empty string', ''],
    ['a comma', '0,42'],
    ['7 decimals', '0.4200000'],
  ])('rejects %s', (_name, text) => {
    expect(parsePriceE4(text)).toBeNaN();
    expect(() => requirePriceE4(text)).toThrow(/dollar string/);
  });

  it('reads counts in hundredths, fractional and signed', () => {
    expect(parseCountE2('10.00')).toBe(1000);
    expect(parseCountE2('10')).toBe(1000);
    expect(parseCountE2('0.01')).toBe(1);
    expect(parseCountE2('10.001')).toBeNaN();
    expect(parseCountE2('-1.00')).toBeNaN();
    expect(parseSignedCountE2('-13.00')).toBe(-1300);
    expect(parseSignedCountE2('-0.00')).toBe(0);
    expect(() => requireCountE2(10)).toThrow(/count string/);
  });

  it('reads signed money to $0.000001', () => {
    expect(parseDollarsE6('-1.25')).toBe(-1_250_000);
    expect(parseDollarsE6('0.004201')).toBe(4201);
  });

  it('prices 0.01 contract at $0.4201 exactly: $0.004201', () => {
    expect(formatDollarsE6(notionalE6(1, 4201))).toBe('0.004201');
  });

  it('formats what it parses, for every price, count and amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: -1e13, max: 1e13 }),
        (price, count, money) => {
          expect(parsePriceE4(formatPriceE4(price))).toBe(price);
          expect(parseCountE2(formatCountE2(count))).toBe(count);
          expect(parseDollarsE6(formatDollarsE6(money))).toBe(money);
        },
      ),
    );
    expect(formatPriceE4(4200)).toBe('0.4200');
    expect(formatCountE2(1000)).toBe('10.00');
    expect(formatDollarsE6(-1_250_000)).toBe('-1.250000');
  });

  it('agrees with an exact decimal reading of any short decimal string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?[0-9]{1,6}(\.[0-9]{0,7})?$/), (text) => {
        const [, sign, whole, decimals] = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text)!;
        const decimalsOk =
          decimals === undefined ||
          (decimals.length >= 1 && decimals.length <= 6 && /^0*$/.test(decimals.slice(4)));
        const expected =
          !sign && decimalsOk
            ? Number(whole) * 10_000 + Number((decimals ?? '').slice(0, 4).padEnd(4, '0'))
            : NaN;
        expect(parsePriceE4(text)).toBe(expected);
      }),
      { numRuns: 3_000 },
    );
  });
});
