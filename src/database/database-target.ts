import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgresServer } from './embedded-postgres-server';

export type DatabaseKind = 'EMBEDDED' | 'EXTERNAL';

/** The PostgreSQL the app talks to, and how to let go of it. */
export interface DatabaseTarget {
  readonly url: string;
  readonly kind: DatabaseKind;
  stop(): Promise<void>;
}

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');
export const EMBEDDED_DATABASE_NAME = 'kalshi_arb';

/** DATABASE_URL when set (checked reachable now, with a clear error), else the embedded server in DATA_DIR. */
export async function openDatabaseTarget(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'embeddedDatabasePort'>,
  log?: (line: string) => void,
): Promise<DatabaseTarget> {
  if (config.databaseUrl) {
    await assertReachable(config.databaseUrl);
    return { url: config.databaseUrl, kind: 'EXTERNAL', stop: async () => undefined };
  }
  const server = new EmbeddedPostgresServer({
    dataDir: config.dataDir,
    port: config.embeddedDatabasePort,
    database: EMBEDDED_DATABASE_NAME,
    log,
  });
  await server.start();
  return { url: server.url, kind: 'EMBEDDED', stop: () => server.stop() };
}

async function assertReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const where = safeLocation(url);
    throw new Error(
      `Cannot use DATABASE_URL (${where}): ${(error as Error).message || String(error)}`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function safeLocation(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'unparseable URL';
  }
}
