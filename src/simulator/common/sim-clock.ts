/** Time source of the exchange: the wall clock live, a virtual clock for recordings and tests. */
export interface SimClock {
  nowMs(): number;
}

export const wallClock: SimClock = { nowMs: () => Date.now() };

/** A clock that only moves when told to (deterministic recordings). */
export class ManualClock implements SimClock {
  constructor(private current: number) {}

  nowMs(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
