import { FeeSchedule, type FeeType } from '../../kalshi/kalshi-fees';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../../kalshi/price-grid';
import type { SimEvent, SimMarket, SimSeries } from '../catalog/sim-catalog';
import { ManualClock } from '../common/sim-clock';
import { AccountLedger } from '../engine/account-ledger';
import { MatchingEngine } from '../engine/matching-engine';
import { SimBook } from '../engine/sim-book';

/** A one-event exchange for engine specs: markets by structure and fee type, two funded accounts. */
export interface EngineFixture {
  readonly clock: ManualClock;
  readonly ledger: AccountLedger;
  readonly engine: MatchingEngine;
  market(
    ticker: string,
    options?: { structure?: string; feeType?: FeeType; multiplierE4?: number },
  ): SimMarket;
}

export const FIXTURE_START_MS = Date.UTC(2026, 10, 2, 15, 0, 0);

export function engineFixture(startingBalanceE6 = 1_000 * 1_000_000): EngineFixture {
  const clock = new ManualClock(FIXTURE_START_MS);
  const ledger = new AccountLedger(startingBalanceE6);
  let sequence = 0;
  const engine = new MatchingEngine(ledger, clock, {
    uuid: () => `00000000-0000-4000-8000-${String(++sequence).padStart(12, '0')}`,
  });
  return {
    clock,
    ledger,
    engine,
    market(ticker, options = {}) {
      const feeType = options.feeType ?? 'quadratic';
      const multiplierE4 = options.multiplierE4 ?? 10_000;
      const series: SimSeries = {
        ticker: 'KXTEST',
        title: 'Test',
        category: 'Test',
        frequency: 'daily',
        tags: [],
        feeType,
        feeMultiplierE4: multiplierE4,
        createdMs: 0,
      };
      const structure = options.structure ?? 'linear_cent';
      const grid = PriceGrid.of(PRICE_LEVEL_STRUCTURES[structure]);
      const markets: SimMarket[] = [];
      const event: SimEvent = {
        eventTicker: `${ticker}-EVENT`,
        series,
        title: 'Test event',
        subTitle: '',
        kind: 'ladder',
        mutuallyExclusive: false,
        exhaustive: false,
        feeTypeOverride: null,
        feeMultiplierOverrideE4: null,
        fees: new FeeSchedule(feeType, multiplierE4),
        strikeDateMs: FIXTURE_START_MS,
        markets,
      };
      const market: SimMarket = {
        ticker,
        marketId: '11111111-1111-4111-8111-111111111111',
        event,
        title: ticker,
        yesSubTitle: 'Yes',
        noSubTitle: 'No',
        strikeType: 'greater',
        floorStrike: 400,
        capStrike: null,
        customStrike: null,
        rulesPrimary: '',
        priceLevelStructure: structure,
        grid,
        book: new SimBook(grid),
        createdMs: 0,
        openTimeMs: 0,
        closeTimeMs: FIXTURE_START_MS + 86_400_000,
        status: 'active',
        result: '',
        updatedMs: 0,
        settledMs: 0,
        stats: {
          lastPriceE4: 0,
          lastTradeSizeE2: 0,
          volumeE2: 0,
          openInterestE2: 0,
          dollarVolumeE6: 0,
        },
      };
      markets.push(market);
      return market;
    },
  };
}
