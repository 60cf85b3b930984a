import { parseScaled } from '../fixed-point';

/** The fields of one `orderbook_delta` frame, reused frame after frame (no allocation on the hot path). */
export class DeltaFields {
  sid = 0;
  seq = 0;
  /** The ticker is text[tickerStart, tickerEnd) of the frame (or `ticker` when it came from JSON.parse). */
  tickerStart = 0;
  tickerEnd = 0;
  ticker: string | undefined = undefined;
  priceE4 = 0;
  deltaE2 = 0;
  side: 'yes' | 'no' = 'yes';
  /** Exchange time (`ts_ms`), 0 when the frame has none. */
  tsMs = 0;
}

const TYPE = 1;
const SID = 2;
const SEQ = 4;
const MSG = 8;
const ALL_TOP = TYPE | SID | SEQ | MSG;
const TICKER = 1;
const PRICE = 2;
const DELTA = 4;
const SIDE = 8;
const TS = 16;
const REQUIRED_MSG = TICKER | PRICE | DELTA | SIDE;

/**
 * A scanner made for the `orderbook_delta` shape (PROTOCOL.md §6.5): digits go straight into integers and the
 * ticker is left as a range of the text. It accepts only frames it fully understands and that are valid JSON
 * (strings without escapes, flat values, no duplicate keys of interest); it returns false for anything else and
 * the caller falls back to JSON.parse + `deltaFromJson`, which gives the same fields (a property test proves it).
 */
export function scanOrderBookDelta(text: string, out: DeltaFields): boolean {
  return scanKalshiLayout(text, out) || scanAnyLayout(text, out);
}

const HEAD = '{"type":"orderbook_delta","sid":';
const SEQ_KEY = ',"seq":';
const TICKER_KEY = ',"msg":{"market_ticker":"';
const MARKET_ID_KEY = '","market_id":"';
const PRICE_KEY = '","price_dollars":"';
const DELTA_KEY = '","delta_fp":"';
const SIDE_KEY = '","side":"';
const TS_KEY = '","ts_ms":';

/**
 * The exact layout Kalshi writes (PROTOCOL.md §6.5: no spaces, this key order, `market_id` and `ts_ms` present):
 * literal keys checked in place, values read as the general scanner reads them. Anything else (another order,
 * spacing, extra keys) returns false and goes to the general scanner, so it only saves time, never changes a result.
 */
function scanKalshiLayout(text: string, out: DeltaFields): boolean {
  if (!text.startsWith(HEAD)) return false;
  let i = scanUnsigned(text, HEAD.length, out, SID);
  if (i < 0 || !text.startsWith(SEQ_KEY, i)) return false;
  i = scanUnsigned(text, i + SEQ_KEY.length, out, SEQ);
  if (i < 0 || !text.startsWith(TICKER_KEY, i)) return false;
  const tickerStart = i + TICKER_KEY.length;
  const tickerEnd = stringEnd(text, tickerStart);
  if (tickerEnd <= tickerStart || !text.startsWith(MARKET_ID_KEY, tickerEnd)) return false;
  i = stringEnd(text, tickerEnd + MARKET_ID_KEY.length);
  if (i < 0 || !text.startsWith(PRICE_KEY, i)) return false;
  const priceStart = i + PRICE_KEY.length;
  i = stringEnd(text, priceStart);
  if (i < 0 || !text.startsWith(DELTA_KEY, i)) return false;
  const price = parseScaledRange(text, priceStart, i, 4, 6, false);
  const deltaStart = i + DELTA_KEY.length;
  i = stringEnd(text, deltaStart);
  if (i < 0 || !text.startsWith(SIDE_KEY, i)) return false;
  const delta = parseScaledRange(text, deltaStart, i, 2, 2, true);
  if (Number.isNaN(price) || Number.isNaN(delta)) return false;
  i += SIDE_KEY.length;
  let side: 'yes' | 'no';
  if (text.startsWith('yes', i)) {
    side = 'yes';
    i += 3;
  } else if (text.startsWith('no', i)) {
    side = 'no';
    i += 2;
  } else return false;
  if (!text.startsWith(TS_KEY, i)) return false;
  i = scanUnsigned(text, i + TS_KEY.length, out, TS);
  if (i < 0 || i + 2 !== text.length || !text.startsWith('}}', i)) return false;
  out.tickerStart = tickerStart;
  out.tickerEnd = tickerEnd;
  out.priceE4 = price;
  out.deltaE2 = delta;
  out.side = side;
  out.ticker = undefined;
  return true;
}

/** Any key order, spacing and extra flat keys. */
function scanAnyLayout(text: string, out: DeltaFields): boolean {
  let i = skipWhitespace(text, 0);
  if (text.charCodeAt(i) !== 123 /* { */) return false;
  i = skipWhitespace(text, i + 1);
  let seen = 0;
  for (;;) {
    if (text.charCodeAt(i) !== 34 /* " */) return false;
    const keyStart = i + 1;
    const keyEnd = stringEnd(text, keyStart);
    if (keyEnd < 0) return false;
    i = skipWhitespace(text, keyEnd + 1);
    if (text.charCodeAt(i) !== 58 /* : */) return false;
    i = skipWhitespace(text, i + 1);
    const keyLength = keyEnd - keyStart;
    let bit = 0;
    if (keyLength === 4 && text.startsWith('type', keyStart)) {
      bit = TYPE;
      if (text.charCodeAt(i) !== 34) return false;
      const valueEnd = stringEnd(text, i + 1);
      if (valueEnd - i - 1 !== 15 || !text.startsWith('orderbook_delta', i + 1)) return false;
      i = valueEnd + 1;
    } else if (keyLength === 3 && text.startsWith('sid', keyStart)) {
      bit = SID;
      i = scanUnsigned(text, i, out, SID);
    } else if (keyLength === 3 && text.startsWith('seq', keyStart)) {
      bit = SEQ;
      i = scanUnsigned(text, i, out, SEQ);
    } else if (keyLength === 3 && text.startsWith('msg', keyStart)) {
      bit = MSG;
      i = scanMsg(text, i, out);
    } else {
      i = skipFlatValue(text, i);
    }
    if (i < 0 || (seen & bit) !== 0) return false;
    seen |= bit;
    i = skipWhitespace(text, i);
    const next = text.charCodeAt(i);
    if (next === 44 /* , */) {
      i = skipWhitespace(text, i + 1);
      continue;
    }
    if (next !== 125 /* } */) return false;
    i++;
    break;
  }
  if (skipWhitespace(text, i) !== text.length || seen !== ALL_TOP) return false;
  out.ticker = undefined;
  return true;
}

function scanMsg(text: string, start: number, out: DeltaFields): number {
  if (text.charCodeAt(start) !== 123) return -1;
  let i = skipWhitespace(text, start + 1);
  let seen = 0;
  out.tsMs = 0;
  for (;;) {
    if (text.charCodeAt(i) !== 34) return -1;
    const keyStart = i + 1;
    const keyEnd = stringEnd(text, keyStart);
    if (keyEnd < 0) return -1;
    i = skipWhitespace(text, keyEnd + 1);
    if (text.charCodeAt(i) !== 58) return -1;
    i = skipWhitespace(text, i + 1);
    const keyLength = keyEnd - keyStart;
    let bit = 0;
    if (keyLength === 13 && text.startsWith('market_ticker', keyStart)) {
      bit = TICKER;
      if (text.charCodeAt(i) !== 34) return -1;
      const valueEnd = stringEnd(text, i + 1);
      if (valueEnd <= i + 1) return -1; // unterminated, escaped or empty
      out.tickerStart = i + 1;
      out.tickerEnd = valueEnd;
      i = valueEnd + 1;
    } else if (keyLength === 13 && text.startsWith('price_dollars', keyStart)) {
      bit = PRICE;
      if (text.charCodeAt(i) !== 34) return -1;
      const valueEnd = stringEnd(text, i + 1);
      if (valueEnd < 0) return -1;
      const price = parseScaledRange(text, i + 1, valueEnd, 4, 6, false);
      if (Number.isNaN(price)) return -1;
      out.priceE4 = price;
      i = valueEnd + 1;
    } else if (keyLength === 8 && text.startsWith('delta_fp', keyStart)) {
      bit = DELTA;
      if (text.charCodeAt(i) !== 34) return -1;
      const valueEnd = stringEnd(text, i + 1);
      if (valueEnd < 0) return -1;
      const delta = parseScaledRange(text, i + 1, valueEnd, 2, 2, true);
      if (Number.isNaN(delta)) return -1;
      out.deltaE2 = delta;
      i = valueEnd + 1;
    } else if (keyLength === 4 && text.startsWith('side', keyStart)) {
      bit = SIDE;
      if (text.charCodeAt(i) !== 34) return -1;
      const valueEnd = stringEnd(text, i + 1);
      const length = valueEnd - i - 1;
      if (length === 3 && text.startsWith('yes', i + 1)) out.side = 'yes';
      else if (length === 2 && text.startsWith('no', i + 1)) out.side = 'no';
      else return -1;
      i = valueEnd + 1;
    } else if (keyLength === 5 && text.startsWith('ts_ms', keyStart)) {
      bit = TS;
      i = scanUnsigned(text, i, out, TS);
    } else {
      i = skipFlatValue(text, i);
    }
    if (i < 0 || (seen & bit) !== 0) return -1;
    seen |= bit;
    i = skipWhitespace(text, i);
    const next = text.charCodeAt(i);
    if (next === 44) {
      i = skipWhitespace(text, i + 1);
      continue;
    }
    if (next !== 125) return -1;
    return (seen & REQUIRED_MSG) === REQUIRED_MSG ? i + 1 : -1;
  }
}

/** A plain JSON integer >= 0 (no sign, fraction or exponent: those fall back) into sid, seq or ts_ms. */
function scanUnsigned(text: string, start: number, out: DeltaFields, field: number): number {
  let i = start;
  let value = 0;
  const first = text.charCodeAt(i);
  if (first === 48 /* 0 */) {
    i++;
  } else {
    while (i - start < 16) {
      const code = text.charCodeAt(i);
      if (code < 48 || code > 57) break;
      value = value * 10 + (code - 48);
      i++;
    }
  }
  if (i === start) return -1;
  const after = text.charCodeAt(i);
  if ((after >= 48 && after <= 57) || after === 46 || after === 101 || after === 69) return -1;
  if (!Number.isSafeInteger(value)) return -1;
  if (field === SID) out.sid = value;
  else if (field === SEQ) out.seq = value;
  else out.tsMs = value;
  return i;
}

/** Skips a JSON string, number, true, false or null; -1 for objects, arrays and anything invalid. */
function skipFlatValue(text: string, start: number): number {
  const code = text.charCodeAt(start);
  if (code === 34) {
    const end = stringEnd(text, start + 1);
    return end < 0 ? -1 : end + 1;
  }
  if (code === 116) return text.startsWith('true', start) ? start + 4 : -1;
  if (code === 102) return text.startsWith('false', start) ? start + 5 : -1;
  if (code === 110) return text.startsWith('null', start) ? start + 4 : -1;
  return skipNumber(text, start);
}

/** JSON number grammar: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
function skipNumber(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 45) i++;
  const first = text.charCodeAt(i);
  if (first === 48) i++;
  else if (first >= 49 && first <= 57) i = skipDigits(text, i);
  else return -1;
  if (text.charCodeAt(i) === 46) {
    const after = skipDigits(text, i + 1);
    if (after === i + 1) return -1;
    i = after;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    const after = skipDigits(text, i);
    if (after === i) return -1;
    i = after;
  }
  return i;
}

function skipDigits(text: string, start: number): number {
  let i = start;
  for (;;) {
    const code = text.charCodeAt(i);
    // Written so that NaN (past the end of the text) stops the loop: `code < 48 || code > 57` would not.
    if (!(code >= 48 && code <= 57)) return i;
    i++;
  }
}

/** Index of the closing quote of a string starting at `start`; -1 on an escape, a control char or no end. */
function stringEnd(text: string, start: number): number {
  const length = text.length;
  for (let i = start; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) return i;
    if (code === 92 || code < 32) return -1;
  }
  return -1;
}

function skipWhitespace(text: string, start: number): number {
  let i = start;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 13 && code !== 9) return i;
    i++;
  }
}

/** `parseScaled` over text[start, end), without the substring. Same rules, same results. */
export function parseScaledRange(
  text: string,
  start: number,
  end: number,
  scaleDecimals: number,
  maxDecimals: number,
  signed: boolean,
): number {
  const length = end - start;
  if (length <= 0 || length > 24) return Number.NaN;
  let index = start;
  let negative = false;
  if (text.charCodeAt(index) === 45) {
    if (!signed) return Number.NaN;
    negative = true;
    index++;
  }
  let value = 0;
  let integerDigits = 0;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) break;
    value = value * 10 + (code - 48);
    integerDigits++;
    index++;
  }
  if (integerDigits === 0) return Number.NaN;
  let decimals = 0;
  if (index < end) {
    if (text.charCodeAt(index) !== 46) return Number.NaN;
    index++;
    if (index === end) return Number.NaN;
    while (index < end) {
      const code = text.charCodeAt(index);
      if (code < 48 || code > 57) return Number.NaN;
      decimals++;
      if (decimals > maxDecimals) return Number.NaN;
      if (decimals <= scaleDecimals) value = value * 10 + (code - 48);
      else if (code !== 48) return Number.NaN;
      index++;
    }
  }
  for (let d = decimals; d < scaleDecimals; d++) value *= 10;
  if (!Number.isSafeInteger(value)) return Number.NaN;
  return negative ? (value === 0 ? 0 : -value) : value;
}

/** What a parsed frame says as a delta: the reference semantics the scanner must match. */
export const enum DeltaParse {
  OK = 0,
  /** Not an orderbook_delta frame. */
  NOT_DELTA = 1,
  /** An orderbook_delta frame with missing or invalid fields. */
  MALFORMED = 2,
}

/** Reads the delta fields from a JSON.parse result into `out`. */
export function deltaFromJson(frame: unknown, out: DeltaFields): DeltaParse {
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame))
    return DeltaParse.NOT_DELTA;
  const { type, sid, seq, msg } = frame as Record<string, unknown>;
  if (type !== 'orderbook_delta') return DeltaParse.NOT_DELTA;
  if (
    !isCount(sid) ||
    !isCount(seq) ||
    typeof msg !== 'object' ||
    msg === null ||
    Array.isArray(msg)
  )
    return DeltaParse.MALFORMED;
  const {
    market_ticker: ticker,
    price_dollars: price,
    delta_fp: delta,
    side,
    ts_ms: tsMs,
  } = msg as Record<string, unknown>;
  if (
    typeof ticker !== 'string' ||
    ticker.length === 0 ||
    typeof price !== 'string' ||
    typeof delta !== 'string'
  )
    return DeltaParse.MALFORMED;
  if (side !== 'yes' && side !== 'no') return DeltaParse.MALFORMED;
  const priceE4 = parseScaled(price, 4, 6, false);
  const deltaE2 = parseScaled(delta, 2, 2, true);
  if (Number.isNaN(priceE4) || Number.isNaN(deltaE2)) return DeltaParse.MALFORMED;
  if (tsMs !== undefined && tsMs !== null && !isCount(tsMs)) return DeltaParse.MALFORMED;
  out.sid = sid;
  out.seq = seq;
  out.ticker = ticker;
  out.priceE4 = priceE4;
  out.deltaE2 = deltaE2;
  out.side = side;
  out.tsMs = typeof tsMs === 'number' ? tsMs : 0;
  return DeltaParse.OK;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
