import { ONE_DOLLAR } from '../../kalshi/fixed-point';
import { memberDebitE6, type FeeSchedule, type MemberPrecision } from '../../kalshi/kalshi-fees';
import type { OrderBook } from '../../market-data/order-book/order-book';
import {
  fillFeeE4,
  netPerContractE6,
  payoutE6,
  returnBps,
  type ArbitrageThresholds,
  type PayoutUnits,
} from '../pricing/arbitrage-pricing';
import { buildPlan } from '../pricing/plan-builder';
import type {
  LegFill,
  LegSide,
  OpportunityKind,
  OpportunityPlan,
} from '../opportunities/opportunity.types';

/** 10 million contracts: beyond any book, and far inside exact integer range. */
const MAX_COUNT_E2 = 1_000_000_000;

const SIDE_YES = 0;
const SIDE_NO = 1;

export interface SizingRun {
  /** Dollars per contract in the worst outcome. */
  readonly guaranteedUnits: number;
  /** Upper bound on the count, in 0.01 contracts (config and risk limits). */
  readonly maxCountE2: number;
  /** 100 for whole contracts, 1 where every leg's market trades fractions. */
  readonly stepE2: number;
  readonly thresholds: ArbitrageThresholds;
  readonly precision: MemberPrecision;
}

/**
 * Sizes a multi-leg buy by walking each leg's book depth with one count on every leg. Net profit is not
 * monotonic in the count (deeper levels cost more, fees round per fill and per order), so the net is
 * evaluated at every breakpoint (where any leg moves to its next level, and at the cap) and the best count
 * that also meets the per-contract and return thresholds wins. Scratch state lives in typed arrays reused
 * across runs: a run allocates nothing until `plan()` is asked for a found opportunity.
 */
export class DepthWalkSizer {
  private capacity = 0;
  private legCount = 0;
  private books: OrderBook[] = [];
  private fees: FeeSchedule[] = [];
  private sides = new Int8Array(0);
  // Boundary cursor: the level each leg walks next, and the depth through it.
  private boundaryLevel = new Int32Array(0);
  private boundaryDepth = new Float64Array(0);
  // Evaluation cursor: the level being filled, how much of it, and the cost and fee of the levels before it.
  private fillLevel = new Int32Array(0);
  private filledAtLevel = new Float64Array(0);
  private doneCostE6 = new Float64Array(0);
  private doneFeeE4 = new Float64Array(0);

  /** Result of the last run. */
  bestCountE2 = 0;
  bestNetE6 = 0;

  /** Starts a run of `legCount` legs; follow with setLeg for each. */
  reset(legCount: number): void {
    if (legCount > this.capacity) this.grow(Math.max(legCount, this.capacity * 2, 4));
    this.legCount = legCount;
    this.bestCountE2 = 0;
    this.bestNetE6 = 0;
  }

  /** Leg i buys `side` on `book`: YES consumes the YES asks (NO bids), NO consumes the YES bids. */
  setLeg(index: number, book: OrderBook, side: LegSide, fees: FeeSchedule): void {
    this.books[index] = book;
    this.sides[index] = side === 'yes' ? SIDE_YES : SIDE_NO;
    this.fees[index] = fees;
  }

  /** Finds the best count; returns it (0: no count clears the thresholds) and keeps it in bestCountE2. */
  run(request: SizingRun): number {
    const legs = this.legCount;
    const payoutPerContractE4 = request.guaranteedUnits * ONE_DOLLAR;
    const step = request.stepE2;
    // An unbounded limit (no risk cap) still needs a whole number to round.
    const limit = Math.min(request.maxCountE2, MAX_COUNT_E2);
    const cap = limit - (limit % step);
    if (legs === 0 || cap <= 0) return 0;
    for (let i = 0; i < legs; i++) {
      const level = this.firstLevel(i);
      if (level < 0) return 0;
      this.boundaryLevel[i] = level;
      this.boundaryDepth[i] = this.sizeAt(i, level);
      this.fillLevel[i] = level;
      this.filledAtLevel[i] = 0;
      this.doneCostE6[i] = 0;
      this.doneFeeE4[i] = 0;
    }
    let count = 0;
    let bestNet = Number.NEGATIVE_INFINITY;
    let best = 0;
    for (;;) {
      // Contracts bought at these levels lose money before fees: going deeper only gets worse.
      let marginalPriceE4 = 0;
      let breakpoint = Number.POSITIVE_INFINITY;
      for (let i = 0; i < legs; i++) {
        marginalPriceE4 += this.priceAt(i, this.boundaryLevel[i]);
        if (this.boundaryDepth[i] < breakpoint) breakpoint = this.boundaryDepth[i];
      }
      if (marginalPriceE4 >= payoutPerContractE4) break;
      const stepped = breakpoint - (breakpoint % step);
      const candidate = stepped < cap ? stepped : cap;
      if (candidate > count) {
        const net = this.evaluate(candidate - count, candidate, request);
        count = candidate;
        if (net > bestNet) {
          bestNet = net;
          best = candidate;
        }
      }
      if (candidate >= cap) break;
      let exhausted = false;
      for (let i = 0; i < legs; i++) {
        if (this.boundaryDepth[i] !== breakpoint) continue;
        const next = this.nextLevel(i, this.boundaryLevel[i]);
        if (next < 0) {
          exhausted = true;
          continue;
        }
        this.boundaryLevel[i] = next;
        this.boundaryDepth[i] += this.sizeAt(i, next);
      }
      if (exhausted) break;
    }
    this.bestCountE2 = best;
    this.bestNetE6 = best > 0 ? bestNet : 0;
    return best;
  }

  /**
   * The plan of the last run's best count (allocates: only for an opportunity found). `units` are the
   * worst and best payouts per contract of this leg set.
   */
  plan(
    meta: { kind: OpportunityKind; groupId: string; eventTicker: string },
    units: PayoutUnits,
    precision: MemberPrecision,
  ): OpportunityPlan {
    return buildPlan(
      meta,
      this.walkLegs(this.bestCountE2),
      this.fees,
      units,
      this.bestCountE2,
      precision,
    );
  }

  /** The fills of every leg for `countE2` contracts, from the best level down. */
  walkLegs(countE2: number): { ticker: string; side: LegSide; fills: LegFill[] }[] {
    const walked: { ticker: string; side: LegSide; fills: LegFill[] }[] = [];
    for (let i = 0; i < this.legCount; i++) {
      const fills: LegFill[] = [];
      let left = countE2;
      for (
        let level = this.firstLevel(i);
        left > 0 && level >= 0;
        level = this.nextLevel(i, level)
      ) {
        const take = Math.min(left, this.sizeAt(i, level));
        fills.push({ priceE4: this.priceAt(i, level), countE2: take });
        left -= take;
      }
      walked.push({
        ticker: this.books[i].ticker,
        side: this.sides[i] === SIDE_YES ? 'yes' : 'no',
        fills,
      });
    }
    return walked;
  }

  /** Advances every leg by `delta` to `countE2` and returns the net profit there, or -Infinity when it misses a threshold. */
  private evaluate(delta: number, countE2: number, request: SizingRun): number {
    let debitE6 = 0;
    for (let i = 0; i < this.legCount; i++) {
      this.advance(i, delta);
      const level = this.fillLevel[i];
      const price = this.priceAt(i, level);
      const filled = this.filledAtLevel[i];
      const costE6 = this.doneCostE6[i] + filled * price;
      const feeE4 = this.doneFeeE4[i] + fillFeeE4(this.fees[i], filled, price);
      debitE6 += memberDebitE6(costE6, feeE4 * 100, request.precision);
    }
    const net = payoutE6(countE2, request.guaranteedUnits) - debitE6;
    if (net <= 0) return Number.NEGATIVE_INFINITY;
    if (netPerContractE6(net, countE2) < request.thresholds.minNetPerContractE6)
      return Number.NEGATIVE_INFINITY;
    if (returnBps(net, debitE6) < request.thresholds.minReturnBps) return Number.NEGATIVE_INFINITY;
    return net;
  }

  private advance(i: number, delta: number): void {
    while (delta > 0) {
      const level = this.fillLevel[i];
      const size = this.sizeAt(i, level);
      const room = size - this.filledAtLevel[i];
      if (delta <= room) {
        this.filledAtLevel[i] += delta;
        return;
      }
      // This level is used up: its one fill's cost and fee are final.
      const price = this.priceAt(i, level);
      this.doneCostE6[i] += size * price;
      this.doneFeeE4[i] += fillFeeE4(this.fees[i], size, price);
      delta -= room;
      this.fillLevel[i] = this.nextLevel(i, level);
      this.filledAtLevel[i] = 0;
    }
  }

  private firstLevel(i: number): number {
    return this.sides[i] === SIDE_YES
      ? this.books[i].firstAskLevel()
      : this.books[i].firstBidLevel();
  }

  private nextLevel(i: number, level: number): number {
    return this.sides[i] === SIDE_YES
      ? this.books[i].nextAskLevel(level)
      : this.books[i].nextBidLevel(level);
  }

  /** The price the leg pays at a level: the YES ask, or the NO price 1 − YES bid. */
  private priceAt(i: number, level: number): number {
    const yesPrice = this.books[i].priceAt(level);
    return this.sides[i] === SIDE_YES ? yesPrice : ONE_DOLLAR - yesPrice;
  }

  private sizeAt(i: number, level: number): number {
    return this.sides[i] === SIDE_YES
      ? this.books[i].askSizeAt(level)
      : this.books[i].bidSizeAt(level);
  }

  private grow(capacity: number): void {
    this.capacity = capacity;
    this.sides = new Int8Array(capacity);
    this.boundaryLevel = new Int32Array(capacity);
    this.boundaryDepth = new Float64Array(capacity);
    this.fillLevel = new Int32Array(capacity);
    this.filledAtLevel = new Float64Array(capacity);
    this.doneCostE6 = new Float64Array(capacity);
    this.doneFeeE4 = new Float64Array(capacity);
  }
}
