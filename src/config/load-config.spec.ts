import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS } from './config-schema';
import { ConfigError } from './config-error';
import { loadConfig, loggableConfig } from './load-config';

function problemsOf(argv: string[], env: Record<string, string>): readonly string[] {
  try {
    loadConfig(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults a newcomer to simulation on port 8080 with the embedded database in ./data', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({
      mode: 'simulation',
      port: 8080,
      dataDir: './data',
      databaseUrl: undefined,
      effectiveLogLevel: 'info',
    });
  });

  it('turns on debug logs in development mode and with --debug', () => {
    expect(loadConfig(['--mode', 'development'], {}).effectiveLogLevel).toBe('debug');
    expect(loadConfig(['--debug'], {}).effectiveLogLevel).toBe('debug');
    expect(loadConfig(['--mode=development'], { LOG_LEVEL: 'warn' }).effectiveLogLevel).toBe(
      'warn',
    );
  });

  it('names every bad setting at once', () => {
    const problems = problemsOf(['--mode', 'live', '--verbose'], {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/db',
      LOG_LEVEL: 'loud',
      KALSHI_ENV: 'staging',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('--mode must be simulation, production or development'),
        expect.stringContaining('unknown argument "--verbose"'),
        expect.stringContaining('PORT must be a whole number'),
        expect.stringContaining('DATABASE_URL must use postgres://'),
        expect.stringContaining('LOG_LEVEL must be one of'),
        expect.stringContaining('KALSHI_ENV must be one of demo, production'),
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('refuses production mode without credentials', () => {
    expect(problemsOf(['--mode', 'production'], {})).toEqual([
      expect.stringContaining('production mode sends real orders and needs credentials'),
    ]);
  });

  it('wants the key id and the private key together, and the REST and WebSocket URLs together', () => {
    expect(problemsOf([], { KALSHI_API_KEY: 'abc' })).toEqual([
      expect.stringContaining('KALSHI_PRIVATE_KEY_PATH or KALSHI_API_SECRET is required'),
    ]);
    expect(problemsOf([], { KALSHI_API_URL: 'http://127.0.0.1:8090/trade-api/v2' })).toEqual([
      expect.stringContaining('KALSHI_API_URL and KALSHI_WS_URL go together'),
    ]);
    expect(
      problemsOf([], { KALSHI_API_KEY: 'abc', KALSHI_PRIVATE_KEY_PATH: '/nowhere/key.pem' }),
    ).toEqual([expect.stringContaining('does not exist')]);
  });

  it('masks secrets and database passwords in logs', () => {
    const config = loadConfig([], {
      DATABASE_URL: 'postgres://trader:hunter2@db:5432/arb',
      KALSHI_API_KEY: 'key-id',
      KALSHI_API_SECRET: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
    });
    expect(config.kalshiApiSecret).toContain('\nabc\n');
    const shown = JSON.stringify(loggableConfig(config));
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain('BEGIN PRIVATE KEY');
    expect(shown).toContain('postgres://trader:***@db:5432/arb');
  });

  it('documents every key in .env.example', () => {
    const example = readFileSync(join(__dirname, '../../.env.example'), 'utf8');
    for (const key of Object.values(CONFIG_KEYS)) expect(example).toContain(`${key.env}=`);
  });
});
