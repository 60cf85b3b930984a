import { randomBytes } from 'node:crypto';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startApplication, type RunningApplication } from '../../src/app-bootstrap';
import { loadConfig, type Environment } from '../../src/config/load-config';
import { TestDatabase } from './test-database';

export interface TestApp {
  readonly running: RunningApplication;
  readonly database: TestDatabase;
  readonly url: string;
  graphql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  wsClient(): WsClient;
  close(): Promise<void>;
}

/** The whole app on a free port, on a database of its own, with Redis when the machine has REDIS_URL. */
export async function startTestApp(
  env: Environment = {},
  argv: string[] = ['--mode', 'simulation'],
): Promise<TestApp> {
  const database = await TestDatabase.create();
  const config = loadConfig(argv, {
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_CHANNEL_PREFIX: `e2e-${randomBytes(4).toString('hex')}`,
    PORT: '0',
    HOST: '127.0.0.1',
    GRAPHQL_SCHEMA_FILE: 'none',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    ...env,
  });
  let running: RunningApplication;
  try {
    running = await startApplication(config);
  } catch (error) {
    await database.drop();
    throw error;
  }
  const clients: WsClient[] = [];
  return {
    running,
    database,
    url: running.url,
    async graphql(query, variables) {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    wsClient() {
      const client = createClient({
        url: `${running.url.replace('http', 'ws')}/graphql`,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) await client.dispose();
      await running.stop();
      await database.drop();
    },
  };
}

/** Collects `count` events of one subscription, or fails after `timeoutMs`. */
export function nextEvents<T>(
  client: WsClient,
  query: string,
  count: number,
  timeoutMs = 10_000,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const received: T[] = [];
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`got ${received.length} of ${count} events in ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = client.subscribe<T>(
      { query },
      {
        next: (event) => {
          if (event.errors) {
            clearTimeout(timer);
            unsubscribe();
            reject(new Error(JSON.stringify(event.errors)));
            return;
          }
          received.push(event.data as T);
          if (received.length === count) {
            clearTimeout(timer);
            unsubscribe();
            resolve(received);
          }
        },
        error: (error) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => undefined,
      },
    );
  });
}
