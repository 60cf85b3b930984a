import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const MAIN = resolve(__dirname, '../dist/src/main.js');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitForStatus(url: string, timeoutMs = 40_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ systemStatus { mode database { kind healthy } } }' }),
      });
      if (response.ok) return ((await response.json()) as any).data.systemStatus;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer from ${url} in ${timeoutMs} ms`);
}

function interruptAndWait(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => {
    child.once('exit', (code) => done(code));
    child.kill('SIGINT');
  });
}

describe('a newcomer without DATABASE_URL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kalshi-arb-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('gets an embedded PostgreSQL that Ctrl-C stops and that keeps its data across restarts', async () => {
    const [httpPort, dbPort] = [await freePort(), await freePort()];
    const env = {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      PORT: String(httpPort),
      EMBEDDED_DB_PORT: String(dbPort),
      GRAPHQL_SCHEMA_FILE: 'none',
      LOG_LEVEL: 'warn',
    };
    const url = `http://127.0.0.1:${httpPort}`;
    const databaseUrl = `postgres://postgres:kalshi-arb-local@127.0.0.1:${dbPort}/kalshi_arb`;

    for (let run = 1; run <= 2; run++) {
      const app = spawn(process.execPath, [MAIN], { env, stdio: 'ignore' });
      expect(await waitForStatus(url)).toEqual({
        mode: 'simulation',
        database: { kind: 'EMBEDDED', healthy: true },
      });
      expect(await interruptAndWait(app)).toBe(0);
      // The database went down with the app.
      const probe = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2000 });
      await expect(probe.connect()).rejects.toThrow();
      await probe.end().catch(() => undefined);
    }

    // A third start reads what the first two wrote: both runs, each with its clean stop recorded.
    const app = spawn(process.execPath, [MAIN], { env, stdio: 'ignore' });
    try {
      await waitForStatus(url);
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      const { rows } = await client.query<{ stopped: boolean }>(
        'SELECT stopped_at IS NOT NULL AS stopped FROM service_runs ORDER BY started_at',
      );
      await client.end();
      expect(rows.map((row) => row.stopped)).toEqual([true, true, false]);
    } finally {
      await interruptAndWait(app);
    }
  });
});
