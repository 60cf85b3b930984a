import type { EnvSettings, RunMode } from './config-schema';

/** The one typed configuration object, validated once at boot. */
export interface AppConfig extends EnvSettings {
  readonly mode: RunMode;
  readonly debug: boolean;
  /** Effective log level after mode and --debug. */
  readonly effectiveLogLevel: string;
  readonly version: string;
  /** Where the record mode writes raw frames, if asked. */
  readonly recordFile?: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
