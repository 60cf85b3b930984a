import type { AppConfig } from '../config/app-config';
import type { DetectionSettings } from './detectors/detection-context';
import type { ExhaustiveOverrides } from './relation-groups/relation-group';

export const ARBITRAGE_SETTINGS = Symbol('ARBITRAGE_SETTINGS');

/** The arbitrage part of the configuration (ARB_* keys), in the engine's exact units. */
export interface ArbitrageSettings extends DetectionSettings {
  readonly overrides: ExhaustiveOverrides;
  readonly flushIntervalMs: number;
}

export function arbitrageSettings(
  config: Pick<
    AppConfig,
    | 'arbMinNetProfit'
    | 'arbMinNetPerContract'
    | 'arbMinReturnPercent'
    | 'arbMaxContracts'
    | 'arbMemberPrecision'
    | 'arbExhaustiveEvents'
    | 'arbNotExhaustiveEvents'
    | 'arbFlushIntervalMs'
  >,
): ArbitrageSettings {
  return {
    thresholds: {
      minNetProfitE6: config.arbMinNetProfit,
      minNetPerContractE6: config.arbMinNetPerContract,
      minReturnBps: config.arbMinReturnPercent,
    },
    maxCountE2: config.arbMaxContracts,
    memberPrecision: config.arbMemberPrecision,
    overrides: {
      exhaustive: new Set(config.arbExhaustiveEvents),
      notExhaustive: new Set(config.arbNotExhaustiveEvents),
    },
    flushIntervalMs: config.arbFlushIntervalMs,
  };
}
