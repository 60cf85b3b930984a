/** Failures the control API can switch on; each is consumed by the request or order it hits. */
export interface FaultState {
  /** Answer the next N REST requests with this status (429 or 503). */
  failRequests: { status: 429 | 503; remaining: number } | null;
  /** Hold every order operation this long before executing it. */
  orderDelayMs: number;
  /** Reject the next N order creations with this status and code. */
  rejectOrders: { status: number; code: string; remaining: number } | null;
  /** Fill at most this percent of each of the next N orders (the rest follows the time in force). */
  partialFills: { percent: number; remaining: number } | null;
}

export class FaultInjector {
  state: FaultState = FaultInjector.clear();

  static clear(): FaultState {
    return { failRequests: null, orderDelayMs: 0, rejectOrders: null, partialFills: null };
  }

  reset(): void {
    this.state = FaultInjector.clear();
  }

  /** The status to fail this request with, if a request fault is pending. */
  takeRequestFailure(): 429 | 503 | null {
    const fault = this.state.failRequests;
    if (!fault || fault.remaining <= 0) return null;
    if (--fault.remaining === 0) this.state.failRequests = null;
    return fault.status;
  }

  takeOrderRejection(): { status: number; code: string } | null {
    const fault = this.state.rejectOrders;
    if (!fault || fault.remaining <= 0) return null;
    if (--fault.remaining === 0) this.state.rejectOrders = null;
    return { status: fault.status, code: fault.code };
  }

  /** The fill cap for an order of `countE2`, when a partial-fill fault is pending. */
  takeFillCap(countE2: number): number | undefined {
    const fault = this.state.partialFills;
    if (!fault || fault.remaining <= 0) return undefined;
    if (--fault.remaining === 0) this.state.partialFills = null;
    const cap = Math.floor((countE2 * fault.percent) / 100);
    // Whole-contract orders get whole-contract partial fills.
    return countE2 % 100 === 0 ? cap - (cap % 100) : cap;
  }
}
