import type { FeeSchedule, FeeType } from '../../kalshi/kalshi-fees';
import type { PriceGrid } from '../../kalshi/price-grid';
import type { MarketStatus, StrikeType } from '../../market-data/catalog/catalog.types';
import type { SimBook } from '../engine/sim-book';

/** How the scenario built an event; drives the simulated traders' fair values. */
export type EventKind = 'ladder' | 'brackets' | 'candidates';

export interface SimSeries {
  readonly ticker: string;
  readonly title: string;
  readonly category: string;
  readonly frequency: string;
  readonly tags: string[];
  readonly feeType: FeeType;
  readonly feeMultiplierE4: number;
  readonly createdMs: number;
}

export interface SimEvent {
  readonly eventTicker: string;
  readonly series: SimSeries;
  readonly title: string;
  readonly subTitle: string;
  readonly kind: EventKind;
  readonly mutuallyExclusive: boolean;
  /** Exactly one member resolves YES (brackets with both tails); the scenario knows, clients must infer. */
  readonly exhaustive: boolean;
  readonly feeTypeOverride: FeeType | null;
  readonly feeMultiplierOverrideE4: number | null;
  /** The series schedule with this event's overrides applied. */
  readonly fees: FeeSchedule;
  readonly strikeDateMs: number;
  readonly markets: SimMarket[];
}

export interface SimMarketStats {
  lastPriceE4: number;
  lastTradeSizeE2: number;
  volumeE2: number;
  openInterestE2: number;
  /** Sum of count x price of trades, E6, for the ticker channel's dollar volume. */
  dollarVolumeE6: number;
}

export interface SimMarket {
  readonly ticker: string;
  readonly marketId: string;
  readonly event: SimEvent;
  readonly title: string;
  readonly yesSubTitle: string;
  readonly noSubTitle: string;
  readonly strikeType: StrikeType;
  readonly floorStrike: number | null;
  readonly capStrike: number | null;
  readonly customStrike: Record<string, string> | null;
  readonly rulesPrimary: string;
  readonly priceLevelStructure: string;
  readonly grid: PriceGrid;
  readonly book: SimBook;
  readonly createdMs: number;
  readonly openTimeMs: number;
  closeTimeMs: number;
  status: MarketStatus;
  result: '' | 'yes' | 'no';
  updatedMs: number;
  settledMs: number;
  readonly stats: SimMarketStats;
}

/** The exchange's series -> events -> markets, in creation order, looked up by ticker. */
export class SimCatalog {
  readonly series: SimSeries[] = [];
  readonly events: SimEvent[] = [];
  readonly markets: SimMarket[] = [];
  private readonly seriesByTicker = new Map<string, SimSeries>();
  private readonly eventsByTicker = new Map<string, SimEvent>();
  private readonly marketsByTicker = new Map<string, SimMarket>();

  addSeries(series: SimSeries): void {
    this.series.push(series);
    this.seriesByTicker.set(series.ticker, series);
  }

  addEvent(event: SimEvent): void {
    this.events.push(event);
    this.eventsByTicker.set(event.eventTicker, event);
    for (const market of event.markets) {
      this.markets.push(market);
      this.marketsByTicker.set(market.ticker, market);
    }
  }

  seriesOf(ticker: string): SimSeries | undefined {
    return this.seriesByTicker.get(ticker);
  }

  event(eventTicker: string): SimEvent | undefined {
    return this.eventsByTicker.get(eventTicker);
  }

  market(ticker: string): SimMarket | undefined {
    return this.marketsByTicker.get(ticker);
  }
}
