import { ONE_DOLLAR, parseCountE2, parsePriceE4 } from '../../kalshi/fixed-point';
import {
  FEE_TYPES,
  FeeSchedule,
  parseFeeMultiplierE4,
  type FeeType,
  type MemberPrecision,
} from '../../kalshi/kalshi-fees';
import { PRICE_LEVEL_STRUCTURES, PriceGrid } from '../../kalshi/price-grid';
import {
  OPPORTUNITY_KINDS,
  type LegSide,
  type OpportunityKind,
  type OpportunityPlan,
} from '../opportunities/opportunity.types';
import {
  checkThresholds,
  payoutUnits,
  type ArbitrageThresholds,
  type ThresholdCheck,
} from '../pricing/arbitrage-pricing';
import { buildPlan } from '../pricing/plan-builder';

/** One leg as a user gives it: side, the side's price as a dollar string, and optionally the market. */
export interface CalculatorLeg {
  readonly side: string;
  readonly price: string;
  readonly ticker?: string;
}

/** Everything as text, straight from GraphQL or the command line: validated here, once, for both. */
export interface CalculatorRequest {
  readonly kind: string;
  readonly legs: readonly CalculatorLeg[];
  /** Contracts on every leg, e.g. "100" or "12.5". */
  readonly count: string;
  readonly feeType?: string;
  /** Series fee_multiplier, e.g. "1" or "0.5". */
  readonly feeMultiplier?: string;
  readonly memberPrecision?: string;
  /** linear_cent (default), deci_cent or tapered_deci_cent: the grid the prices must sit on. */
  readonly priceLevelStructure?: string;
  /** PARTITION_BUY_NO: the legs are every member of an exhaustive event (best case n − 1, not n). */
  readonly exhaustive?: boolean;
  /** Counts finer than one contract (markets with fractional trading). */
  readonly fractional?: boolean;
}

export type CalculationErrorCode =
  | 'INVALID_KIND'
  | 'INVALID_LEGS'
  | 'INVALID_SIDE'
  | 'INVALID_PRICE'
  | 'PRICE_OUT_OF_RANGE'
  | 'PRICE_OFF_GRID'
  | 'INVALID_COUNT'
  | 'FRACTIONAL_COUNT'
  | 'INVALID_FEE_TYPE'
  | 'INVALID_FEE_MULTIPLIER'
  | 'INVALID_MEMBER_PRECISION'
  | 'UNKNOWN_PRICE_LEVEL_STRUCTURE'
  | 'UNKNOWN_MARKET';

export interface CalculationError {
  readonly ok: false;
  readonly code: CalculationErrorCode;
  readonly field: string;
  readonly message: string;
}

export interface Calculation {
  readonly ok: true;
  readonly plan: OpportunityPlan;
  readonly thresholds: ArbitrageThresholds;
  readonly check: ThresholdCheck;
  readonly memberPrecision: MemberPrecision;
  readonly fees: FeeSchedule;
}

export type CalculationResult = Calculation | CalculationError;

/** A known market's grid and fees, when the calculator runs inside the service with a catalog. */
export interface CalculatorMarket {
  readonly grid: PriceGrid;
  readonly fees: FeeSchedule;
  readonly fractionalTradingEnabled?: boolean;
}

export interface CalculatorOptions {
  readonly thresholds: ArbitrageThresholds;
  readonly memberPrecision: MemberPrecision;
  /** Looks up a named market; without it tickers are labels only. */
  readonly market?: (ticker: string) => CalculatorMarket | undefined;
}

const MAX_COUNT_E2 = 100_000_000;

/**
 * The manual arbitrage calculator behind both `calculateArbitrage` (GraphQL) and `npm run calc`: prices any
 * legs at the prices given with exactly the engine's pricing code (per-fill fees, member rounding, payout by
 * kind). Bad input is a typed error naming the field, never an exception.
 */
export class ArbitrageCalculator {
  constructor(private readonly options: CalculatorOptions) {}

  calculate(request: CalculatorRequest): CalculationResult {
    if (!OPPORTUNITY_KINDS.includes(request.kind as OpportunityKind)) {
      return error(
        'INVALID_KIND',
        'kind',
        `kind must be one of ${OPPORTUNITY_KINDS.join(', ')} (got "${request.kind}")`,
      );
    }
    const kind = request.kind as OpportunityKind;
    const precision = request.memberPrecision ?? this.options.memberPrecision;
    if (precision !== 'cent' && precision !== 'centicent') {
      return error(
        'INVALID_MEMBER_PRECISION',
        'memberPrecision',
        `memberPrecision must be cent or centicent (got "${precision}")`,
      );
    }
    const explicitFees = feeScheduleOf(request);
    if (!(explicitFees === undefined || explicitFees instanceof FeeSchedule)) return explicitFees;
    const structure = request.priceLevelStructure ?? 'linear_cent';
    const ranges = PRICE_LEVEL_STRUCTURES[structure];
    if (!ranges) {
      return error(
        'UNKNOWN_PRICE_LEVEL_STRUCTURE',
        'priceLevelStructure',
        `priceLevelStructure must be one of ${Object.keys(PRICE_LEVEL_STRUCTURES).join(', ')} (got "${structure}")`,
      );
    }
    const defaultGrid = PriceGrid.of(ranges);

    for (const [index, leg] of request.legs.entries()) {
      const side = String(leg.side).toLowerCase();
      if (side !== 'yes' && side !== 'no')
        return error(
          'INVALID_SIDE',
          `legs[${index}].side`,
          `legs[${index}].side must be yes or no (got "${leg.side}")`,
        );
    }
    const shapeError = checkLegShape(kind, request.legs);
    if (shapeError) return shapeError;

    let fractionalMarkets = request.legs.length > 0;
    const legs: { ticker: string; side: LegSide; priceE4: number; fees: FeeSchedule }[] = [];
    for (const [index, leg] of request.legs.entries()) {
      const field = `legs[${index}]`;
      const side = leg.side.toLowerCase() as LegSide;
      let market: CalculatorMarket | undefined;
      if (leg.ticker && this.options.market) {
        market = this.options.market(leg.ticker);
        if (!market)
          return error(
            'UNKNOWN_MARKET',
            `${field}.ticker`,
            `${field}.ticker: no market ${leg.ticker} in the catalog`,
          );
      }
      fractionalMarkets &&= market?.fractionalTradingEnabled === true;
      const priceE4 = parsePriceE4(leg.price.trim());
      if (Number.isNaN(priceE4)) {
        return error(
          'INVALID_PRICE',
          `${field}.price`,
          `${field}.price must be a dollar price like "0.25" or "0.0525" (got "${leg.price}")`,
        );
      }
      if (priceE4 <= 0 || priceE4 >= ONE_DOLLAR) {
        return error(
          'PRICE_OUT_OF_RANGE',
          `${field}.price`,
          `${field}.price must be strictly between $0 and $1 (got "${leg.price}")`,
        );
      }
      const grid = market?.grid ?? defaultGrid;
      // Orders carry the YES price: a NO at q is on the grid when 1 − q is.
      const yesPriceE4 = side === 'yes' ? priceE4 : ONE_DOLLAR - priceE4;
      if (!grid.isValid(yesPriceE4)) {
        return error(
          'PRICE_OFF_GRID',
          `${field}.price`,
          `${field}.price ${leg.price} is not on the market's price grid (${describeGrid(grid)})`,
        );
      }
      legs.push({
        ticker: leg.ticker ?? `leg${index + 1}`,
        side,
        priceE4,
        fees: explicitFees ?? market?.fees ?? FeeSchedule.standard(),
      });
    }

    const countE2 = parseCountE2(request.count.trim());
    if (Number.isNaN(countE2) || countE2 <= 0 || countE2 > MAX_COUNT_E2) {
      return error(
        'INVALID_COUNT',
        'count',
        `count must be a number of contracts above 0 and up to 1000000, with at most 2 decimals (got "${request.count}")`,
      );
    }
    if (countE2 % 100 !== 0 && !(request.fractional === true || fractionalMarkets)) {
      return error(
        'FRACTIONAL_COUNT',
        'count',
        `count must be whole contracts unless the markets allow fractional trading (got "${request.count}")`,
      );
    }

    const units = payoutUnits(kind, legs.length, { exhaustive: request.exhaustive === true });
    const plan = buildPlan(
      { kind, groupId: 'calculator', eventTicker: '' },
      legs.map((leg) => ({
        ticker: leg.ticker,
        side: leg.side,
        fills: [{ priceE4: leg.priceE4, countE2 }],
      })),
      legs.map((leg) => leg.fees),
      units,
      countE2,
      precision,
    );
    return {
      ok: true,
      plan,
      thresholds: this.options.thresholds,
      check: checkThresholds(this.options.thresholds, plan),
      memberPrecision: precision,
      fees: legs[0].fees,
    };
  }
}

function error(code: CalculationErrorCode, field: string, message: string): CalculationError {
  return { ok: false, code, field, message };
}

function feeScheduleOf(request: CalculatorRequest): FeeSchedule | CalculationError | undefined {
  if (request.feeType === undefined && request.feeMultiplier === undefined) return undefined;
  const feeType = request.feeType ?? 'quadratic';
  if (!FEE_TYPES.includes(feeType as FeeType)) {
    return error(
      'INVALID_FEE_TYPE',
      'feeType',
      `feeType must be one of ${FEE_TYPES.join(', ')} (got "${feeType}")`,
    );
  }
  let multiplierE4 = 10_000;
  if (request.feeMultiplier !== undefined) {
    const text = request.feeMultiplier.trim();
    // A plain decimal only: Number() would also take "", "0x10" or "1e0".
    if (!/^\d+(\.\d+)?$/.test(text)) {
      return error(
        'INVALID_FEE_MULTIPLIER',
        'feeMultiplier',
        `feeMultiplier must be a decimal number like "1" or "0.5" (got "${request.feeMultiplier}")`,
      );
    }
    try {
      multiplierE4 = parseFeeMultiplierE4(text);
    } catch (cause) {
      return error('INVALID_FEE_MULTIPLIER', 'feeMultiplier', (cause as Error).message);
    }
  }
  return new FeeSchedule(feeType as FeeType, multiplierE4);
}

function checkLegShape(
  kind: OpportunityKind,
  legs: readonly CalculatorLeg[],
): CalculationError | undefined {
  const sides = legs.map((leg) => leg.side.toLowerCase());
  switch (kind) {
    case 'LADDER_INVERSION':
      if (legs.length !== 2 || sides[0] !== 'yes' || sides[1] !== 'no') {
        return error(
          'INVALID_LEGS',
          'legs',
          'LADDER_INVERSION takes two legs: buy YES on the wider strike, then buy NO on the narrower one',
        );
      }
      return undefined;
    case 'PARTITION_BUY_NO':
      if (legs.length < 2 || sides.some((side) => side !== 'no')) {
        return error(
          'INVALID_LEGS',
          'legs',
          'PARTITION_BUY_NO takes two or more legs, all buying NO',
        );
      }
      return undefined;
    case 'PARTITION_BUY_YES':
      if (legs.length < 2 || sides.some((side) => side !== 'yes')) {
        return error(
          'INVALID_LEGS',
          'legs',
          'PARTITION_BUY_YES takes two or more legs, all buying YES',
        );
      }
      return undefined;
  }
}

function describeGrid(grid: PriceGrid): string {
  return grid
    .toWire()
    .map((range) => `${range.start}-${range.end} step ${range.step}`)
    .join(', ');
}
