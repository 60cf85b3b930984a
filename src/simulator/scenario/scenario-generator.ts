import { FeeSchedule, type FeeType } from '../../kalshi/kalshi-fees';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../../kalshi/price-grid';
import type { StrikeType } from '../../market-data/catalog/catalog.types';
import {
  SimCatalog,
  type EventKind,
  type SimEvent,
  type SimMarket,
  type SimSeries,
} from '../catalog/sim-catalog';
import { Prng } from '../common/prng';
import { SimBook } from '../engine/sim-book';
import { FairValueModel } from './fair-value-model';

export interface ScenarioOptions {
  seed: number;
  /** Approximate number of markets (events are added until reached). Ignored when `events` is set. */
  markets?: number;
  /** Exact number of events. */
  events?: number;
  minMembers?: number;
  maxMembers?: number;
  /** Reference time: markets opened a day before, close days to weeks after. */
  epochMs: number;
}

export interface Scenario {
  readonly catalog: SimCatalog;
  readonly models: Map<SimEvent, FairValueModel>;
}

interface SeriesTemplate {
  ticker: string;
  title: string;
  category: string;
  frequency: string;
  kind: EventKind;
  feeType: FeeType;
  feeMultiplierE4: number;
  /** Ladders and brackets: the underlying's typical level and strike step. */
  center: number;
  step: number;
  unit: string;
  subject: string;
  names?: readonly string[];
}

/** Kalshi-like series: "above X" ladders, bracket ranges with both tails, and "who wins" events. */
const TEMPLATES: readonly SeriesTemplate[] = [
  {
    ticker: 'KXSIMHIGHNY',
    title: 'Highest temperature in NYC',
    category: 'Climate and Weather',
    frequency: 'daily',
    kind: 'ladder',
    feeType: 'quadratic',
    feeMultiplierE4: 10_000,
    center: 62,
    step: 2,
    unit: '°',
    subject: 'the highest temperature in Central Park',
  },
  {
    ticker: 'KXSIMBTCD',
    title: 'Bitcoin price above',
    category: 'Crypto',
    frequency: 'hourly',
    kind: 'ladder',
    feeType: 'quadratic_with_maker_fees',
    feeMultiplierE4: 10_000,
    center: 100_000,
    step: 1_000,
    unit: ' USD',
    subject: 'the Bitcoin reference price',
  },
  {
    ticker: 'KXSIMINXU',
    title: 'S&P 500 close above',
    category: 'Financials',
    frequency: 'daily',
    kind: 'ladder',
    feeType: 'quadratic',
    feeMultiplierE4: 5_000,
    center: 6_000,
    step: 25,
    unit: '',
    subject: 'the S&P 500 close',
  },
  {
    ticker: 'KXSIMGAS',
    title: 'US gas price above (cents)',
    category: 'Economics',
    frequency: 'weekly',
    kind: 'ladder',
    feeType: 'quadratic',
    feeMultiplierE4: 10_000,
    center: 320,
    step: 5,
    unit: '¢',
    subject: 'the national average gas price in cents',
  },
  {
    ticker: 'KXSIMRAIN',
    title: 'Monthly rainfall in Seattle (mm)',
    category: 'Climate and Weather',
    frequency: 'monthly',
    kind: 'brackets',
    feeType: 'quadratic',
    feeMultiplierE4: 10_000,
    center: 90,
    step: 10,
    unit: ' mm',
    subject: 'the monthly rainfall at SEA',
  },
  {
    ticker: 'KXSIMETHR',
    title: 'Ethereum price range',
    category: 'Crypto',
    frequency: 'daily',
    kind: 'brackets',
    feeType: 'quadratic_with_maker_fees',
    feeMultiplierE4: 10_000,
    center: 3_500,
    step: 50,
    unit: ' USD',
    subject: 'the Ethereum reference price',
  },
  {
    ticker: 'KXSIMHIGHLA',
    title: 'Highest temperature in LA (range)',
    category: 'Climate and Weather',
    frequency: 'daily',
    kind: 'brackets',
    feeType: 'quadratic',
    feeMultiplierE4: 10_000,
    center: 75,
    step: 2,
    unit: '°',
    subject: 'the highest temperature at LAX',
  },
  {
    ticker: 'KXSIMMAYOR',
    title: 'Who will win the mayoral race',
    category: 'Politics',
    frequency: 'custom',
    kind: 'candidates',
    feeType: 'quadratic',
    feeMultiplierE4: 10_000,
    center: 0,
    step: 0,
    unit: '',
    subject: 'the winner',
    names: ['ADAMS', 'BAKER', 'CHEN', 'DIAZ', 'EVANS', 'FOX', 'GARCIA', 'HILL'],
  },
  {
    ticker: 'KXSIMBESTPIC',
    title: 'Best Picture winner',
    category: 'Entertainment',
    frequency: 'annual',
    kind: 'candidates',
    feeType: 'quadratic_with_maker_fees',
    feeMultiplierE4: 10_000,
    center: 0,
    step: 0,
    unit: '',
    subject: 'the Best Picture award',
    names: ['ARIA', 'BOREAL', 'CINDER', 'DUSK', 'EMBER', 'FJORD', 'GLASS', 'HARBOR'],
  },
];

const GRID_CHOICES = [
  'linear_cent',
  'linear_cent',
  'linear_cent',
  'deci_cent',
  'tapered_deci_cent',
] as const;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_MS = 86_400_000;

/** Builds a deterministic exchange catalog (with empty books) and the fair-value models that drive it. */
export function generateScenario(options: ScenarioOptions): Scenario {
  const prng = new Prng(options.seed);
  const catalog = new SimCatalog();
  const models = new Map<SimEvent, FairValueModel>();
  const createdMs = options.epochMs - 7 * DAY_MS;
  const seriesByTemplate = TEMPLATES.map((template) => {
    const series: SimSeries = {
      ticker: template.ticker,
      title: template.title,
      category: template.category,
      frequency: template.frequency,
      tags: [template.kind],
      feeType: template.feeType,
      feeMultiplierE4: template.feeMultiplierE4,
      createdMs,
    };
    catalog.addSeries(series);
    return series;
  });
  const perSeriesCount = new Array<number>(TEMPLATES.length).fill(0);
  const targetMarkets = options.markets ?? 200;
  for (
    let index = 0;
    options.events !== undefined ? index < options.events : catalog.markets.length < targetMarkets;
    index++
  ) {
    const templateIndex = index % TEMPLATES.length;
    const template = TEMPLATES[templateIndex];
    const ordinal = perSeriesCount[templateIndex]++;
    const members = memberCount(template, prng, options);
    const event = buildEvent(
      template,
      seriesByTemplate[templateIndex],
      ordinal,
      members,
      prng,
      options.epochMs,
      models,
    );
    catalog.addEvent(event);
  }
  return { catalog, models };
}

function memberCount(template: SeriesTemplate, prng: Prng, options: ScenarioOptions): number {
  const defaults =
    template.kind === 'ladder' ? [5, 12] : template.kind === 'brackets' ? [4, 10] : [3, 8];
  const min = Math.max(options.minMembers ?? defaults[0], template.kind === 'brackets' ? 3 : 2);
  const max = Math.max(min, options.maxMembers ?? defaults[1]);
  const count = prng.int(min, max);
  return template.names ? Math.min(count, template.names.length) : count;
}

function buildEvent(
  template: SeriesTemplate,
  series: SimSeries,
  ordinal: number,
  members: number,
  prng: Prng,
  epochMs: number,
  models: Map<SimEvent, FairValueModel>,
): SimEvent {
  const strikeDateMs = epochMs + (1 + ordinal) * DAY_MS;
  const date = new Date(strikeDateMs);
  const dateCode = `${String(date.getUTCFullYear() % 100).padStart(2, '0')}${MONTHS[date.getUTCMonth()]}${String(date.getUTCDate()).padStart(2, '0')}`;
  const eventTicker = `${template.ticker}-${dateCode}`;
  const structure = prng.pick(GRID_CHOICES);
  const grid = PriceGrid.of(PRICE_LEVEL_STRUCTURES[structure]);
  // Every fourth event overrides its series fee: maker fees on, or a half multiplier.
  const override = ordinal % 4 === 3;
  const feeTypeOverride: FeeType | null = override ? 'quadratic_with_maker_fees' : null;
  const feeMultiplierOverrideE4 = override ? 5_000 : null;
  const fees = new FeeSchedule(
    feeTypeOverride ?? series.feeType,
    feeMultiplierOverrideE4 ?? series.feeMultiplierE4,
  );
  const markets: SimMarket[] = [];
  const event: SimEvent = {
    eventTicker,
    series,
    title: `${template.title} on ${date.toISOString().slice(0, 10)}`,
    subTitle: `On ${date.toISOString().slice(0, 10)}`,
    kind: template.kind,
    mutuallyExclusive: template.kind !== 'ladder',
    exhaustive: template.kind === 'brackets',
    feeTypeOverride,
    feeMultiplierOverrideE4,
    fees,
    strikeDateMs,
    markets,
  };
  const base = { event, grid, structure, epochMs, closeTimeMs: strikeDateMs, prng };
  // Center the strikes on a jittered level so events of one series differ.
  const step = template.step;
  const centerStrike = Math.round((template.center + prng.gaussian() * step * 2) / step) * step;
  if (template.kind === 'ladder') {
    const first = centerStrike - Math.floor(members / 2) * step;
    const strikes = Array.from({ length: members }, (_, i) => first + i * step);
    for (const strike of strikes) {
      markets.push(
        newMarket(base, `${eventTicker}-T${strike}`, 'greater', strike, null, null, {
          title: `Will ${template.subject} be above ${strike}${template.unit}?`,
          yes: `Above ${strike}${template.unit}`,
          no: `${strike}${template.unit} or below`,
          rules: `If ${template.subject} is greater than ${strike}${template.unit}, the market resolves to Yes.`,
        }),
      );
    }
    models.set(
      event,
      new FairValueModel('ladder', strikes, (members * step) / 5, centerStrike, members, prng),
    );
  } else if (template.kind === 'brackets') {
    // n markets: a low tail, n - 2 brackets, a high tail; bounds are the n - 1 cut points. Both tails include
    // their strike, so the metadata proves the cover whichever end of a bracket is open (Kalshi leaves it unstated).
    const firstBound = centerStrike - Math.floor((members - 1) / 2) * step;
    const bounds = Array.from({ length: members - 1 }, (_, i) => firstBound + i * step);
    markets.push(
      newMarket(base, `${eventTicker}-T${bounds[0]}`, 'less_or_equal', null, bounds[0], null, {
        title: `Will ${template.subject} be ${bounds[0]}${template.unit} or below?`,
        yes: `${bounds[0]}${template.unit} or below`,
        no: `Above ${bounds[0]}${template.unit}`,
        rules: `If ${template.subject} is less than or equal to ${bounds[0]}${template.unit}, the market resolves to Yes.`,
      }),
    );
    for (let i = 0; i < bounds.length - 1; i++) {
      const floor = bounds[i];
      const cap = bounds[i + 1];
      markets.push(
        newMarket(base, `${eventTicker}-B${floor}`, 'between', floor, cap, null, {
          title: `Will ${template.subject} be ${floor}-${cap}${template.unit}?`,
          yes: `${floor} to ${cap}${template.unit}`,
          no: `Not ${floor} to ${cap}${template.unit}`,
          rules: `If ${template.subject} is between ${floor} and ${cap}${template.unit}, the market resolves to Yes.`,
        }),
      );
    }
    const top = bounds[bounds.length - 1];
    markets.push(
      newMarket(base, `${eventTicker}-T${top}`, 'greater_or_equal', top, null, null, {
        title: `Will ${template.subject} be ${top}${template.unit} or above?`,
        yes: `${top}${template.unit} or above`,
        no: `Below ${top}${template.unit}`,
        rules: `If ${template.subject} is greater than or equal to ${top}${template.unit}, the market resolves to Yes.`,
      }),
    );
    models.set(
      event,
      new FairValueModel('brackets', bounds, (members * step) / 6, centerStrike, members, prng),
    );
  } else {
    const names = template.names!.slice(0, members);
    for (const name of names) {
      markets.push(
        newMarket(
          base,
          `${eventTicker}-${name}`,
          'custom',
          null,
          null,
          { Candidate: name },
          {
            title: `Will ${name} win ${template.subject}?`,
            yes: name,
            no: `Not ${name}`,
            rules: `If ${name} wins ${template.subject}, the market resolves to Yes.`,
          },
        ),
      );
    }
    models.set(event, new FairValueModel('candidates', [], 1, 0, members, prng));
  }
  return event;
}

function newMarket(
  base: {
    event: SimEvent;
    grid: PriceGrid;
    structure: string;
    epochMs: number;
    closeTimeMs: number;
    prng: Prng;
  },
  ticker: string,
  strikeType: StrikeType,
  floorStrike: number | null,
  capStrike: number | null,
  customStrike: Record<string, string> | null,
  text: { title: string; yes: string; no: string; rules: string },
): SimMarket {
  return {
    ticker,
    marketId: base.prng.uuid(),
    event: base.event,
    title: text.title,
    yesSubTitle: text.yes,
    noSubTitle: text.no,
    strikeType,
    floorStrike,
    capStrike,
    customStrike,
    rulesPrimary: text.rules,
    priceLevelStructure: base.structure,
    grid: base.grid,
    book: new SimBook(base.grid),
    createdMs: base.epochMs - 7 * DAY_MS,
    openTimeMs: base.epochMs - DAY_MS,
    closeTimeMs: base.closeTimeMs,
    status: 'active',
    result: '',
    updatedMs: base.epochMs - 7 * DAY_MS,
    settledMs: 0,
    stats: {
      lastPriceE4: 0,
      lastTradeSizeE2: 0,
      volumeE2: 0,
      openInterestE2: 0,
      dollarVolumeE6: 0,
    },
  };
}
