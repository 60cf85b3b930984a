import { parseCountE2, parseDollarsE6, parseScaled } from '../kalshi/fixed-point';

/** Every setting the service reads from the environment, with its parser. One list: validation, docs and masking all come from it. */
export type RunMode = 'simulation' | 'production' | 'development';
export const RUN_MODES: readonly RunMode[] = ['simulation', 'production', 'development'];
export type KalshiEnv = 'demo' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

export interface ConfigKey<T> {
  readonly env: string;
  readonly description: string;
  readonly secret?: boolean;
  readonly defaultText?: string;
  /** Returns the value, or throws an Error whose message says what is wrong. */
  readonly parse: (raw: string | undefined) => T;
}

function optionalString(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : undefined;
}

function oneOf<T extends string>(values: readonly T[], fallback: T) {
  return (raw: string | undefined): T => {
    const value = optionalString(raw) ?? fallback;
    if (!values.includes(value as T))
      throw new Error(`must be one of ${values.join(', ')} (got "${value}")`);
    return value as T;
  };
}

function integerIn(min: number, max: number, fallback: number) {
  return (raw: string | undefined): number => {
    const text = optionalString(raw);
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text)) throw new Error(`must be a whole number (got "${text}")`);
    const value = Number(text);
    if (value < min || value > max)
      throw new Error(`must be between ${min} and ${max} (got ${value})`);
    return value;
  };
}

function urlWithProtocols(protocols: readonly string[]) {
  return (raw: string | undefined): string | undefined => {
    const text = optionalString(raw);
    if (text === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new Error('is not a valid URL');
    }
    if (!protocols.includes(url.protocol)) {
      throw new Error(
        `must use ${protocols.map((p) => p.replace(':', '://')).join(' or ')} (got ${url.protocol}//)`,
      );
    }
    return text;
  };
}

function booleanFlag(fallback: boolean) {
  return (raw: string | undefined): boolean => {
    const text = optionalString(raw)?.toLowerCase();
    if (text === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(text)) return true;
    if (['0', 'false', 'no', 'off'].includes(text)) return false;
    throw new Error(`must be true or false (got "${text}")`);
  };
}

function commaList(raw: string | undefined): string[] {
  return (optionalString(raw) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function optionalIntegerIn(min: number, max: number) {
  return (raw: string | undefined): number | undefined =>
    optionalString(raw) === undefined ? undefined : integerIn(min, max, min)(raw);
}

/** Arbitrage settings: dollars as exact $0.000001 integers, percentages as basis points, counts as 0.01 contracts. */
function dollarsE6Setting(fallback: string) {
  return (raw: string | undefined): number => {
    const text = optionalString(raw) ?? fallback;
    const value = parseDollarsE6(text);
    if (Number.isNaN(value) || value < 0)
      throw new Error(`must be a dollar amount like "0.05" (got "${text}")`);
    return value;
  };
}

function percentBpsSetting(fallback: string) {
  return (raw: string | undefined): number => {
    const text = optionalString(raw) ?? fallback;
    const value = parseScaled(text, 2, 2, false);
    if (Number.isNaN(value) || value > 1_000_000)
      throw new Error(`must be a percentage like "0.25" with at most 2 decimals (got "${text}")`);
    return value;
  };
}

function contractsE2Setting(fallback: string) {
  return (raw: string | undefined): number => {
    const text = optionalString(raw) ?? fallback;
    const value = parseCountE2(text);
    if (Number.isNaN(value) || value <= 0 || value > 100_000_000)
      throw new Error(
        `must be a contract count like "1000" or "12.5" up to 1000000 (got "${text}")`,
      );
    return value;
  };
}

function tickerListSetting(raw: string | undefined): readonly string[] {
  const items = (optionalString(raw) ?? '').split(',').map((item) => item.trim());
  return items.filter((item) => item.length > 0);
}

export const CONFIG_KEYS = {
  kalshiEnv: {
    env: 'KALSHI_ENV',
    description: "Kalshi's documented hosts to use in production mode: demo or production",
    defaultText: 'demo',
    parse: oneOf<KalshiEnv>(['demo', 'production'], 'demo'),
  },
  kalshiApiUrl: {
    env: 'KALSHI_API_URL',
    description:
      'REST base URL ending in /trade-api/v2 (the simulator, a proxy); overrides KALSHI_ENV',
    parse: urlWithProtocols(['http:', 'https:']),
  },
  kalshiWsUrl: {
    env: 'KALSHI_WS_URL',
    description: 'WebSocket URL ending in /trade-api/ws/v2; overrides KALSHI_ENV',
    parse: urlWithProtocols(['ws:', 'wss:']),
  },
  kalshiApiKey: {
    env: 'KALSHI_API_KEY',
    description: 'Kalshi API key id (a UUID)',
    parse: optionalString,
  },
  kalshiPrivateKeyPath: {
    env: 'KALSHI_PRIVATE_KEY_PATH',
    description: 'path of the RSA private key (PEM) that belongs to KALSHI_API_KEY',
    parse: optionalString,
  },
  kalshiApiSecret: {
    env: 'KALSHI_API_SECRET',
    description: 'the RSA private key itself (PEM text), instead of KALSHI_PRIVATE_KEY_PATH',
    secret: true,
    parse: (raw: string | undefined) => optionalString(raw?.replace(/\\n/g, '\n')),
  },
  databaseUrl: {
    env: 'DATABASE_URL',
    description: 'PostgreSQL URL; unset: an embedded PostgreSQL in DATA_DIR',
    secret: true,
    parse: urlWithProtocols(['postgres:', 'postgresql:']),
  },
  dataDir: {
    env: 'DATA_DIR',
    description: 'folder of the embedded database and recordings',
    defaultText: './data',
    parse: (raw: string | undefined) => optionalString(raw) ?? './data',
  },
  embeddedDatabasePort: {
    env: 'EMBEDDED_DB_PORT',
    description: 'loopback port of the embedded PostgreSQL',
    defaultText: '54329',
    parse: integerIn(1024, 65535, 54329),
  },
  redisUrl: {
    env: 'REDIS_URL',
    description: 'Redis URL: GraphQL subscription events fan out through it to every instance',
    secret: true,
    parse: urlWithProtocols(['redis:', 'rediss:']),
  },
  redisChannelPrefix: {
    env: 'REDIS_CHANNEL_PREFIX',
    description: 'prefix of the Redis channels; instances behind one gateway share it',
    defaultText: 'kalshi-arb',
    parse: (raw: string | undefined) => optionalString(raw) ?? 'kalshi-arb',
  },
  port: {
    env: 'PORT',
    description: 'HTTP port of GraphQL, health, metrics and the dashboard',
    defaultText: '8080',
    parse: integerIn(0, 65535, 8080),
  },
  host: {
    env: 'HOST',
    description: 'address the HTTP server binds to',
    defaultText: '0.0.0.0',
    parse: (raw: string | undefined) => optionalString(raw) ?? '0.0.0.0',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    description: 'fatal, error, warn, info, debug or trace (development mode and --debug: debug)',
    defaultText: 'info',
    parse: (raw: string | undefined) =>
      optionalString(raw) === undefined ? undefined : oneOf(LOG_LEVELS, 'info')(raw),
  },
  logFormat: {
    env: 'LOG_FORMAT',
    description:
      'json (one JSON object a line) or pretty (readable lines); default: pretty in a terminal, else json',
    parse: (raw: string | undefined) =>
      optionalString(raw) === undefined
        ? undefined
        : oneOf(['json', 'pretty'] as const, 'json')(raw),
  },
  statusIntervalMs: {
    env: 'STATUS_INTERVAL_MS',
    description: 'how often systemStatusChanged publishes a heartbeat, in ms',
    defaultText: '5000',
    parse: integerIn(50, 3_600_000, 5000),
  },
  graphqlSandbox: {
    env: 'GRAPHQL_SANDBOX',
    description: 'serve the Apollo sandbox at /graphql (default: on in development mode only)',
    parse: (raw: string | undefined) =>
      optionalString(raw) === undefined ? undefined : booleanFlag(false)(raw),
  },
  graphqlMaxDepth: {
    env: 'GRAPHQL_MAX_DEPTH',
    description: 'deepest GraphQL query accepted',
    defaultText: '10',
    parse: integerIn(2, 100, 10),
  },
  graphqlMaxComplexity: {
    env: 'GRAPHQL_MAX_COMPLEXITY',
    description:
      'largest estimated GraphQL query cost accepted (1 per field unless a field says more)',
    defaultText: '2000',
    parse: integerIn(10, 1_000_000, 2000),
  },
  graphqlSchemaFile: {
    env: 'GRAPHQL_SCHEMA_FILE',
    description: 'where the app prints the GraphQL schema at start; "none" to skip',
    defaultText: 'schema.gql',
    parse: (raw: string | undefined) => {
      const text = optionalString(raw) ?? 'schema.gql';
      return text === 'none' ? undefined : text;
    },
  },
  marketSeries: {
    env: 'MARKET_SERIES',
    description: 'series tickers whose events are tracked, comma-separated (e.g. KXHIGHNY,KXBTCD)',
    parse: commaList,
  },
  marketEvents: {
    env: 'MARKET_EVENTS',
    description: 'event tickers to track, comma-separated',
    parse: commaList,
  },
  marketCategories: {
    env: 'MARKET_CATEGORIES',
    description: 'series categories to track, comma-separated (e.g. Economics,Climate and Weather)',
    parse: commaList,
  },
  marketStatus: {
    env: 'MARKET_STATUS',
    description: 'status of the markets to track: open, unopened, paused, closed, settled or any',
    defaultText: 'open',
    parse: oneOf(['open', 'unopened', 'paused', 'closed', 'settled', 'any'] as const, 'open'),
  },
  marketCloseWithinHours: {
    env: 'MARKET_CLOSE_WITHIN_HOURS',
    description: 'track only markets that close within this many hours (default: any close time)',
    parse: optionalIntegerIn(1, 100_000),
  },
  marketLimit: {
    env: 'MARKET_LIMIT',
    description: 'at most this many markets are tracked (a safety cap)',
    defaultText: '5000',
    parse: integerIn(1, 200_000, 5000),
  },
  catalogRefreshSeconds: {
    env: 'CATALOG_REFRESH_SECONDS',
    description: 'how often the market catalog is re-read from Kalshi REST, in seconds',
    defaultText: '300',
    parse: integerIn(5, 86_400, 300),
  },
  orderBookUpdatesPerSecond: {
    env: 'ORDER_BOOK_UPDATES_PER_SECOND',
    description: 'most orderBookUpdated subscription events per second and market',
    defaultText: '4',
    parse: integerIn(1, 100, 4),
  },
  simulatorSeed: {
    env: 'SIMULATOR_SEED',
    description:
      'seed of the built-in simulator (started when there are no credentials and no KALSHI_API_URL)',
    defaultText: '42',
    parse: integerIn(0, 2_147_483_647, 42),
  },
  simulatorMarkets: {
    env: 'SIMULATOR_MARKETS',
    description: 'approximate number of markets of the built-in simulator',
    defaultText: '200',
    parse: integerIn(1, 20_000, 200),
  },
  arbMinNetProfit: {
    env: 'ARB_MIN_NET_PROFIT',
    description:
      'smallest net profit (after fees, worst outcome) an opportunity must bank, in dollars',
    defaultText: '0.05',
    parse: dollarsE6Setting('0.05'),
  },
  arbMinNetPerContract: {
    env: 'ARB_MIN_NET_PER_CONTRACT',
    description: 'smallest net profit per contract, in dollars',
    defaultText: '0.005',
    parse: dollarsE6Setting('0.005'),
  },
  arbMinReturnPercent: {
    env: 'ARB_MIN_RETURN_PERCENT',
    description:
      'smallest return on capital (net profit / money paid), in percent with up to 2 decimals',
    defaultText: '0.25',
    parse: percentBpsSetting('0.25'),
  },
  arbMaxContracts: {
    env: 'ARB_MAX_CONTRACTS',
    description:
      'most contracts per leg one opportunity is sized to (risk limits may cap it lower)',
    defaultText: '1000',
    parse: contractsE2Setting('1000'),
  },
  arbMemberPrecision: {
    env: 'ARB_MEMBER_PRECISION',
    description:
      'balance precision of the account: cent (via FCM or broker: debits rounded up to $0.01) or centicent (direct member: $0.0001)',
    defaultText: 'cent',
    parse: oneOf(['cent', 'centicent'] as const, 'cent'),
  },
  arbExhaustiveEvents: {
    env: 'ARB_EXHAUSTIVE_EVENTS',
    description:
      'mutually exclusive event tickers whose markets cover every outcome although the strikes do not show it, comma-separated',
    parse: tickerListSetting,
  },
  arbNotExhaustiveEvents: {
    env: 'ARB_NOT_EXHAUSTIVE_EVENTS',
    description:
      'event tickers never treated as exhaustive, whatever the strikes say, comma-separated',
    parse: tickerListSetting,
  },
  arbFlushIntervalMs: {
    env: 'ARB_FLUSH_INTERVAL_MS',
    description: 'how often opened and closed opportunities are written to the database, in ms',
    defaultText: '1000',
    parse: integerIn(10, 600_000, 1000),
  },
} satisfies Record<string, ConfigKey<unknown>>;

export type ConfigKeys = typeof CONFIG_KEYS;
export type EnvSettings = { [K in keyof ConfigKeys]: ReturnType<ConfigKeys[K]['parse']> };
