import type { ArbitrageService } from './arbitrage.service';
import { OpportunityStatusFilterValue } from './graphql/opportunity-filter.input';
import { OpportunityKindValue } from './graphql/opportunity.model';
import { OpportunityQueryService, eventMatches } from './opportunity-query.service';
import type { OpportunityRecord } from './opportunities/opportunity-record';
import type { StoredOpportunityQuery } from './opportunities/opportunity-repository';
import { OpportunityTracker } from './opportunities/opportunity-tracker';
import type { OpportunityPlan } from './opportunities/opportunity.types';

function plan(ticker: string): OpportunityPlan {
  const leg = {
    ticker,
    side: 'no' as const,
    action: 'buy' as const,
    limitPriceE4: 7000,
    countE2: 100,
    fills: [{ priceE4: 7000, countE2: 100 }],
    costE6: 700_000,
    tradeFeeE6: 14_700,
    debitE6: 720_000,
  };
  return {
    kind: 'PARTITION_BUY_NO',
    groupId: 'EV:partition',
    eventTicker: 'EV',
    legs: [leg, { ...leg, ticker: `${ticker}-2` }],
    countE2: 100,
    costE6: 1_400_000,
    feesE6: 40_000,
    guaranteedPayoutE6: 1_000_000,
    bestPayoutE6: 2_000_000,
    netProfitE6: 10_000,
    bestCaseProfitE6: 1_010_000,
    returnBps: 69,
    netPerContractE6: 10_000,
  };
}

function closedRecord(id: string): OpportunityRecord {
  return {
    id,
    status: 'CLOSED',
    kind: 'LADDER_INVERSION',
    eventTicker: 'EV',
    legs: [],
    tickers: [],
    firstSeenAt: new Date(0),
    updatedAt: new Date(0),
    closedAt: new Date(5),
    lifetimeMs: 5,
  } as unknown as OpportunityRecord;
}

class FakeRepository {
  readonly closed = ['c1', 'c2', 'c3'].map(closedRecord);
  queries: StoredOpportunityQuery[] = [];
  async findClosed(query: StoredOpportunityQuery) {
    this.queries.push(query);
    return {
      items: this.closed.slice(query.offset, query.offset + query.limit),
      total: this.closed.length,
    };
  }
  async countClosed() {
    return this.closed.length;
  }
  async findById(id: string) {
    return this.closed.find((r) => r.id === id) ?? null;
  }
}

function setup() {
  let now = 1_000;
  const tracker = new OpportunityTracker(
    { opened: () => undefined, updated: () => undefined, closed: () => undefined },
    () => now++,
  );
  tracker.observe(plan('EV-A'), 1);
  tracker.observe(plan('EV-B'), 1);
  const repository = new FakeRepository();
  const service = new OpportunityQueryService({
    tracker,
    repository,
  } as unknown as ArbitrageService);
  return { service, repository, tracker };
}

describe('OpportunityQueryService: open from memory, closed from the database, one list', () => {
  it('ANY lists the open ones first (newest first), then the closed ones, with one total', async () => {
    const { service } = setup();
    const page = await service.list(null, { limit: 3 });
    expect(page.total).toBe(5);
    expect(page.items.map((o) => o.status)).toEqual(['OPEN', 'OPEN', 'CLOSED']);
    expect(page.items[0].legs[0].ticker).toBe('EV-B');
    expect(page.items[2].id).toBe('c1');
  });

  it('pages past the open ones into the closed ones at the right offset', async () => {
    const { service, repository } = setup();
    const page = await service.list(undefined, { offset: 3, limit: 10 });
    expect(page.items.map((o) => o.id)).toEqual(['c2', 'c3']);
    expect(repository.queries.at(-1)).toMatchObject({ offset: 1, limit: 10 });
  });

  it('OPEN and CLOSED look at one source each; filters apply to both', async () => {
    const { service } = setup();
    expect((await service.list({ status: OpportunityStatusFilterValue.OPEN }, null)).total).toBe(2);
    expect(
      (await service.list({ status: OpportunityStatusFilterValue.OPEN, ticker: 'EV-A-2' }, null))
        .total,
    ).toBe(1);
    expect(
      (
        await service.list(
          {
            status: OpportunityStatusFilterValue.OPEN,
            kinds: [OpportunityKindValue.LADDER_INVERSION],
          },
          null,
        )
      ).total,
    ).toBe(0);
    expect(
      (await service.list({ status: OpportunityStatusFilterValue.CLOSED }, null)).items.map(
        (o) => o.id,
      ),
    ).toEqual(['c1', 'c2', 'c3']);
  });

  it('finds one by id, open or closed, and null otherwise', async () => {
    const { service, tracker } = setup();
    const open = tracker.open()[0];
    expect((await service.byId(open.id))?.status).toBe('OPEN');
    expect((await service.byId('c2'))?.status).toBe('CLOSED');
    expect(await service.byId('nope')).toBeNull();
  });

  it('rejects a page size out of range and a negative offset', async () => {
    const { service } = setup();
    await expect(service.list(null, { limit: 501 })).rejects.toThrow(
      /limit must be between 1 and 500/,
    );
    await expect(service.list(null, { offset: -1 })).rejects.toThrow(/offset must be 0 or more/);
  });

  it('the subscription filter matches kind, event and leg ticker', async () => {
    const { service, tracker } = setup();
    const model = (await service.byId(tracker.open()[0].id))!;
    expect(eventMatches(model, null)).toBe(true);
    expect(
      eventMatches(model, {
        kinds: [OpportunityKindValue.PARTITION_BUY_NO],
        eventTicker: 'EV',
        ticker: 'EV-B',
      }),
    ).toBe(true);
    expect(eventMatches(model, { kinds: [OpportunityKindValue.LADDER_INVERSION] })).toBe(false);
    expect(eventMatches(model, { ticker: 'EV-Z' })).toBe(false);
  });
});
