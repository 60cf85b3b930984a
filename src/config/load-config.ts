import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { AppConfig } from './app-config';
import { parseCommandLine } from './command-line';
import { CONFIG_KEYS, type ConfigKey, type EnvSettings } from './config-schema';
import { ConfigError } from './config-error';
import { readPackageVersion } from './package-version';

export type Environment = Record<string, string | undefined>;

/** Reads `.env` (if present) under the real environment: a variable set in the shell wins. */
export function environmentWithDotEnv(
  env: Environment = process.env,
  dotEnvPath = resolve(env.ENV_FILE ?? '.env'),
): Environment {
  if (!existsSync(dotEnvPath)) return env;
  const fromFile = parseEnv(readFileSync(dotEnvPath, 'utf8')) as Environment;
  return { ...fromFile, ...env };
}

/** Parses every key; throws one ConfigError naming every bad setting. */
export function loadConfig(argv: readonly string[], env: Environment): AppConfig {
  const { commandLine, problems } = parseCommandLine(argv);
  const settings: Partial<Record<keyof EnvSettings, unknown>> = {};
  for (const [name, key] of Object.entries(CONFIG_KEYS) as [
    keyof EnvSettings,
    ConfigKey<unknown>,
  ][]) {
    try {
      settings[name] = key.parse(env[key.env]);
    } catch (error) {
      problems.push(`${key.env} ${(error as Error).message}`);
    }
  }
  const envSettings = settings as EnvSettings;
  problems.push(...crossKeyProblems(envSettings, commandLine.mode));
  if (problems.length > 0) throw new ConfigError(problems);

  const verbose = commandLine.debug || commandLine.mode === 'development';
  return {
    ...envSettings,
    mode: commandLine.mode,
    debug: commandLine.debug,
    effectiveLogLevel: envSettings.logLevel ?? (verbose ? 'debug' : 'info'),
    version: readPackageVersion(),
    recordFile: commandLine.recordFile,
  };
}

function crossKeyProblems(settings: EnvSettings, mode: AppConfig['mode']): string[] {
  const problems: string[] = [];
  if (settings.kalshiApiSecret && settings.kalshiPrivateKeyPath) {
    problems.push('KALSHI_API_SECRET and KALSHI_PRIVATE_KEY_PATH are both set: keep one');
  }
  if (settings.kalshiPrivateKeyPath && !existsSync(settings.kalshiPrivateKeyPath)) {
    problems.push(
      `KALSHI_PRIVATE_KEY_PATH points at a file that does not exist (${settings.kalshiPrivateKeyPath})`,
    );
  }
  const hasKey = Boolean(settings.kalshiPrivateKeyPath || settings.kalshiApiSecret);
  if (hasKey && !settings.kalshiApiKey)
    problems.push('KALSHI_API_KEY (the key id) is required with a private key');
  if (settings.kalshiApiKey && !hasKey)
    problems.push('KALSHI_PRIVATE_KEY_PATH or KALSHI_API_SECRET is required with KALSHI_API_KEY');
  if (Boolean(settings.kalshiApiUrl) !== Boolean(settings.kalshiWsUrl)) {
    problems.push('KALSHI_API_URL and KALSHI_WS_URL go together: set both or neither');
  }
  if (mode === 'production' && (!settings.kalshiApiKey || !hasKey)) {
    problems.push(
      'production mode sends real orders and needs credentials: set KALSHI_API_KEY and KALSHI_PRIVATE_KEY_PATH (or KALSHI_API_SECRET)',
    );
  }
  return problems;
}

/** The config as it may appear in logs: secrets masked, URLs without passwords. */
export function loggableConfig(config: AppConfig): Record<string, unknown> {
  const shown: Record<string, unknown> = {
    mode: config.mode,
    debug: config.debug,
    version: config.version,
  };
  for (const [name, key] of Object.entries(CONFIG_KEYS) as [
    keyof EnvSettings,
    ConfigKey<unknown>,
  ][]) {
    const value = config[name];
    if (value === undefined) continue;
    shown[key.env] = 'secret' in key && key.secret ? maskSecret(value) : value;
  }
  return shown;
}

function maskSecret(value: unknown): string {
  if (typeof value !== 'string') return '***';
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    if (url.protocol.startsWith('postgres') || url.protocol.startsWith('redis'))
      return url.toString();
  } catch {
    // not a URL: hide it whole
  }
  return '***';
}
