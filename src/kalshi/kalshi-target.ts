import type { AppConfig } from '../config/app-config';
import { KalshiSigner } from './auth/kalshi-signer';
import { resolveEndpoints, type KalshiEndpoints } from './kalshi-endpoints';

/** Where the exchange is: Kalshi (demo, production), a URL of the operator's choice, or the built-in simulator. */
export type KalshiSource = 'demo' | 'production' | 'custom' | 'built-in-simulator';

export interface KalshiTarget {
  readonly source: KalshiSource;
  readonly endpoints: KalshiEndpoints;
  readonly signer?: KalshiSigner;
  /** The in-process simulator, when this target started one. */
  readonly simulator?: BuiltInSimulator;
  close(): Promise<void>;
}

export const KALSHI_TARGET = Symbol('KALSHI_TARGET');

/** The part of `src/simulator/index.ts` this adapter relies on (its documented contract). */
export interface BuiltInSimulator {
  readonly restUrl: string;
  readonly wsUrl: string;
  readonly controlUrl: string;
  readonly exchange: unknown;
  close(): Promise<void>;
}

interface SimulatorModule {
  startSimulator(options: {
    port?: number;
    host?: string;
    seed?: number;
    markets?: number;
    auth?: { publicKeys: Record<string, string> } | 'none';
    log?: (line: string) => void;
  }): Promise<BuiltInSimulator>;
  generateKeyPair(): { keyId: string; privateKeyPem: string; publicKeyPem: string };
}

/**
 * Picks the exchange from config. With neither credentials nor KALSHI_API_URL (a newcomer's `npm start`), the
 * built-in simulator starts on a free loopback port with a key pair made now, and the real client signs with
 * that key, so the real authentication path always runs.
 */
export async function openKalshiTarget(
  config: AppConfig,
  log: (line: string) => void,
): Promise<KalshiTarget> {
  const signer = KalshiSigner.fromConfig(config);
  if (config.kalshiApiUrl && config.kalshiWsUrl) {
    return {
      source: 'custom',
      endpoints: resolveEndpoints(config),
      signer,
      close: async () => undefined,
    };
  }
  if (signer)
    return {
      source: config.kalshiEnv,
      endpoints: resolveEndpoints(config),
      signer,
      close: async () => undefined,
    };
  const simulatorModule = loadSimulatorModule();
  const keys = simulatorModule.generateKeyPair();
  const simulator = await simulatorModule.startSimulator({
    port: 0,
    host: '127.0.0.1',
    seed: config.simulatorSeed,
    markets: config.simulatorMarkets,
    auth: { publicKeys: { [keys.keyId]: keys.publicKeyPem } },
    log,
  });
  return {
    source: 'built-in-simulator',
    endpoints: { restUrl: simulator.restUrl, wsUrl: simulator.wsUrl },
    signer: new KalshiSigner(keys.keyId, keys.privateKeyPem),
    simulator,
    close: () => simulator.close(),
  };
}

function loadSimulatorModule(): SimulatorModule {
  // Loaded only when needed: production runs never load the simulator's code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../simulator/index') as SimulatorModule;
}
