/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same scenario and stream. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Approximately normal (sum of uniforms), mean 0, standard deviation 1. */
  gaussian(): number {
    return this.next() + this.next() + this.next() + this.next() - 2;
  }

  /** A version-4-shaped UUID drawn from the stream (deterministic ids for markets and recordings). */
  uuid(): string {
    const hex = (bits: number, digits: number) => bits.toString(16).padStart(digits, '0');
    const word = () => Math.floor(this.next() * 0x100000000);
    const a = word();
    const b = word();
    const c = word();
    const d = word();
    return (
      `${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex(0x4000 | (b & 0x0fff), 4)}-` +
      `${hex(0x8000 | (c >>> 18), 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`
    );
  }
}
