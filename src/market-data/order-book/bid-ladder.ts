/**
 * One side's resting size at every level of a price grid: a dense array indexed by level plus a two-level
 * bitmap of non-empty levels. Set, best-level and next-level queries are O(1) in practice (a few word scans)
 * and allocate nothing; a ladder of a 99-level cent grid costs about 820 bytes.
 */
export class BidLadder {
  /** Size at each level, in 0.01 contracts: doubles hold any count exactly up to 2^53 (an Int32 wraps at 21M contracts). */
  readonly sizes: Float64Array;
  private readonly words: Uint32Array;
  private readonly summary: Uint32Array;
  private nonEmpty = 0;

  constructor(readonly levelCount: number) {
    this.sizes = new Float64Array(levelCount);
    this.words = new Uint32Array(Math.ceil(levelCount / 32));
    this.summary = new Uint32Array(Math.ceil(this.words.length / 32));
  }

  get levels(): number {
    return this.nonEmpty;
  }

  clear(): void {
    this.sizes.fill(0);
    this.words.fill(0);
    this.summary.fill(0);
    this.nonEmpty = 0;
  }

  /** Sets the size at a level (0 removes it). */
  set(index: number, sizeE2: number): void {
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    const had = this.sizes[index] > 0;
    this.sizes[index] = sizeE2;
    if (sizeE2 > 0) {
      if (!had) {
        this.words[word] |= bit;
        this.summary[word >>> 5] |= 1 << (word & 31);
        this.nonEmpty++;
      }
    } else if (had) {
      this.words[word] &= ~bit;
      if (this.words[word] === 0) this.summary[word >>> 5] &= ~(1 << (word & 31));
      this.nonEmpty--;
    }
  }

  /** Highest non-empty level, or -1. */
  highest(): number {
    return this.highestBelow(this.levelCount);
  }

  /** Lowest non-empty level, or -1. */
  lowest(): number {
    return this.lowestAbove(-1);
  }

  /** Highest non-empty level strictly below `index`, or -1. */
  highestBelow(index: number): number {
    if (index <= 0) return -1;
    let word = (index - 1) >>> 5;
    const bitsInWord = ((index - 1) & 31) + 1;
    let bits = this.words[word] & (bitsInWord === 32 ? 0xffffffff : (1 << bitsInWord) - 1);
    if (bits !== 0) return (word << 5) + 31 - Math.clz32(bits);
    // Find the next lower non-empty word through the summary.
    if (word === 0) return -1;
    let summaryIndex = (word - 1) >>> 5;
    const wordsInSummary = ((word - 1) & 31) + 1;
    let summaryBits =
      this.summary[summaryIndex] & (wordsInSummary === 32 ? 0xffffffff : (1 << wordsInSummary) - 1);
    while (summaryBits === 0) {
      if (summaryIndex === 0) return -1;
      summaryBits = this.summary[--summaryIndex];
    }
    word = (summaryIndex << 5) + 31 - Math.clz32(summaryBits);
    bits = this.words[word];
    return (word << 5) + 31 - Math.clz32(bits);
  }

  /** Lowest non-empty level strictly above `index`, or -1. */
  lowestAbove(index: number): number {
    const start = index + 1;
    if (start >= this.levelCount) return -1;
    let word = start >>> 5;
    let bits = this.words[word] & ~((1 << (start & 31)) - 1);
    if ((start & 31) === 0) bits = this.words[word];
    if (bits !== 0) return (word << 5) + lowestBit(bits);
    const nextWord = word + 1;
    if (nextWord >= this.words.length) return -1;
    let summaryIndex = nextWord >>> 5;
    let summaryBits =
      (nextWord & 31) === 0
        ? this.summary[summaryIndex]
        : this.summary[summaryIndex] & ~((1 << (nextWord & 31)) - 1);
    while (summaryBits === 0) {
      if (++summaryIndex >= this.summary.length) return -1;
      summaryBits = this.summary[summaryIndex];
    }
    word = (summaryIndex << 5) + lowestBit(summaryBits);
    bits = this.words[word];
    return (word << 5) + lowestBit(bits);
  }
}

function lowestBit(bits: number): number {
  return 31 - Math.clz32(bits & -bits);
}
