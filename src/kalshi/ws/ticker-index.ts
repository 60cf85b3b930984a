/**
 * Ticker -> slot, looked up straight from a range of a frame's text: no substring, no object (the hot path
 * finds a delta's market without allocating). Open addressing over a power-of-two table; tickers are never
 * removed (a slot outlives its market, which is rare and cheap).
 */
export class TickerIndex {
  private keys: (string | undefined)[];
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let size = 16;
    while (size < initialCapacity * 2) size *= 2;
    this.keys = new Array<string | undefined>(size);
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The slot of `ticker`, or -1. */
  get(ticker: string): number {
    return this.find(ticker, 0, ticker.length);
  }

  /** The slot of the ticker written at text[start, end), or -1. */
  find(text: string, start: number, end: number): number {
    const length = end - start;
    let position = hashRange(text, start, end) & this.mask;
    for (;;) {
      const key = this.keys[position];
      if (key === undefined) return -1;
      if (key.length === length && text.startsWith(key, start)) return this.slots[position];
      position = (position + 1) & this.mask;
    }
  }

  /** Adds `ticker` with `slot` (or replaces its slot). */
  set(ticker: string, slot: number): void {
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    let position = hashRange(ticker, 0, ticker.length) & this.mask;
    for (;;) {
      const key = this.keys[position];
      if (key === undefined) {
        this.keys[position] = ticker;
        this.slots[position] = slot;
        this.count++;
        return;
      }
      if (key === ticker) {
        this.slots[position] = slot;
        return;
      }
      position = (position + 1) & this.mask;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const slots = this.slots;
    this.keys = new Array<string | undefined>(keys.length * 2);
    this.slots = new Int32Array(keys.length * 2).fill(-1);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key !== undefined) this.set(key, slots[i]);
    }
  }
}

/** FNV-1a over UTF-16 code units, finished with a murmur mix so close tickers spread. */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}
