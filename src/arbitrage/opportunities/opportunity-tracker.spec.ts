import type { OpportunityPlan } from './opportunity.types';
import { OpportunityTracker, type OpportunityListener } from './opportunity-tracker';
import { opportunityRecord } from './opportunity-record';

function plan(tickers: string[], netProfitE6: number, countE2 = 1000): OpportunityPlan {
  return {
    kind: 'LADDER_INVERSION',
    groupId: 'KXHIGHNY-26OCT01:above',
    eventTicker: 'KXHIGHNY-26OCT01',
    legs: tickers.map((ticker, i) => ({
      ticker,
      side: i === 0 ? 'yes' : 'no',
      action: 'buy',
      limitPriceE4: 2500,
      countE2,
      fills: [{ priceE4: 2500, countE2 }],
      costE6: countE2 * 2500,
      tradeFeeE6: 0,
      debitE6: countE2 * 2500,
    })),
    countE2,
    costE6: 0,
    feesE6: 0,
    guaranteedPayoutE6: 0,
    bestPayoutE6: 0,
    netProfitE6,
    bestCaseProfitE6: netProfitE6,
    returnBps: 100,
    netPerContractE6: 0,
  };
}

describe('OpportunityTracker', () => {
  let now = 1_000;
  const events: string[] = [];
  const listener: OpportunityListener = {
    opened: (o) => events.push(`opened ${o.id}`),
    updated: (o) => events.push(`updated ${o.id} ${o.plan.netProfitE6}`),
    closed: (o) => events.push(`closed ${o.id} ${o.closeReason}`),
  };
  beforeEach(() => {
    events.length = 0;
    now = 1_000;
  });

  it('keeps one id per (kind, group, legs) while open; another leg set is another opportunity', () => {
    const tracker = new OpportunityTracker(listener, () => now);
    const a = tracker.observe(plan(['T61', 'T63'], 100), 1);
    const again = tracker.observe(plan(['T61', 'T63'], 150), 2);
    const b = tracker.observe(plan(['T61', 'T65'], 100), 2);
    expect(again.id).toBe(a.id);
    expect(b.id).not.toBe(a.id);
    expect(events).toEqual([`opened ${a.id}`, `updated ${a.id} 150`, `opened ${b.id}`]);
  });

  it('closes what an evaluation of its group did not see, only among legs on the changed ticker when one is given', () => {
    const tracker = new OpportunityTracker(listener, () => now);
    const a = tracker.observe(plan(['T61', 'T63'], 100), 1);
    const b = tracker.observe(plan(['T63', 'T65'], 100), 1);
    tracker.closeUnseen('KXHIGHNY-26OCT01:above', 2, 'T61', () => 'PRICES_MOVED');
    expect(events.slice(2)).toEqual([`closed ${a.id} PRICES_MOVED`]);
    tracker.closeUnseen('KXHIGHNY-26OCT01:above', 3, null, () => 'BOOK_STALE');
    expect(events.slice(3)).toEqual([`closed ${b.id} BOOK_STALE`]);
    expect(tracker.openCount).toBe(0);
  });

  it('records lifetime and the best profit seen; the record of a closed opportunity says so', () => {
    const tracker = new OpportunityTracker(listener, () => now);
    const opened = tracker.observe(plan(['T61', 'T63'], 200), 1);
    now = 2_500;
    tracker.observe(plan(['T61', 'T63'], 300), 2);
    now = 4_000;
    tracker.observe(plan(['T61', 'T63'], 50), 3);
    now = 5_250;
    tracker.closeAll('SHUTDOWN');
    expect(opened).toMatchObject({
      status: 'CLOSED',
      closedMs: 5_250,
      bestNetProfitE6: 300,
      updates: 2,
      closeReason: 'SHUTDOWN',
    });
    expect(opportunityRecord(opened)).toMatchObject({
      status: 'CLOSED',
      lifetimeMs: 4_250,
      netProfitE6: 50,
      bestNetProfitE6: 300,
      tickers: ['T61', 'T63'],
    });
  });

  it('an unchanged plan is no update', () => {
    const tracker = new OpportunityTracker(listener, () => now);
    tracker.observe(plan(['T61', 'T63'], 100), 1);
    tracker.observe(plan(['T61', 'T63'], 100), 2);
    expect(events).toHaveLength(1);
  });
});
