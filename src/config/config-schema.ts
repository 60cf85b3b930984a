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
  graphqlSchemaFile: {
    env: 'GRAPHQL_SCHEMA_FILE',
    description: 'where the app prints the GraphQL schema at start; "none" to skip',
    defaultText: 'schema.gql',
    parse: (raw: string | undefined) => {
      const text = optionalString(raw) ?? 'schema.gql';
      return text === 'none' ? undefined : text;
    },
  },
} satisfies Record<string, ConfigKey<unknown>>;

export type ConfigKeys = typeof CONFIG_KEYS;
export type EnvSettings = { [K in keyof ConfigKeys]: ReturnType<ConfigKeys[K]['parse']> };
