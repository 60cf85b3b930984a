import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startApplication, type RunningApplication } from '../../src/app-bootstrap';
import { loadConfig, type Environment } from '../../src/config/load-config';

export interface BenchApp {
  readonly running: RunningApplication;
  close(): Promise<void>;
}

/**
 * The whole app (Nest, GraphQL, graphql-ws, feed, arbitrage, a real PostgreSQL) for a benchmark: on a database
 * of its own on DATABASE_URL's server when set (dropped afterwards), else on the embedded PostgreSQL in a
 * temporary folder. Logs at warn.
 */
export async function startBenchApp(env: Environment): Promise<BenchApp> {
  const adminUrl = process.env.DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => undefined as void;
  let dataDir: string | undefined;
  if (adminUrl) {
    const name = `kalshi_arb_bench_${randomBytes(5).toString('hex')}`;
    await admin(adminUrl, `CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'kalshi-arb-bench-'));
  }
  const config = loadConfig(['--mode', 'simulation'], {
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    EMBEDDED_DB_PORT: dataDir ? String(await freePort()) : undefined,
    PORT: '0',
    HOST: '127.0.0.1',
    GRAPHQL_SCHEMA_FILE: 'none',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
    ...env,
  });
  const running = await startApplication(config);
  return {
    running,
    async close() {
      await running.stop();
      await dropDatabase();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** performance.timeOrigin + performance.now(): milliseconds comparable across processes on one machine. */
export function wallMicros(): number {
  return (performance.timeOrigin + performance.now()) * 1000;
}
