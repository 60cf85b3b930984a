import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { nextEvents, startTestApp, type TestApp } from './support/test-app';

describe('system status over HTTP and graphql-ws', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ STATUS_INTERVAL_MS: '100' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers systemStatus with mode, version, uptime and a healthy database', async () => {
    const result = await app.graphql<{ systemStatus: any }>(
      '{ systemStatus { mode version uptimeSeconds startedAt database { kind healthy latencyMs } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.systemStatus).toMatchObject({
      mode: 'simulation',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { kind: 'EXTERNAL', healthy: true },
    });
    expect(Date.parse(result.data!.systemStatus.startedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('streams systemStatusChanged heartbeats to a graphql-ws client', async () => {
    const events = await nextEvents<{ systemStatusChanged: { mode: string; observedAt: string } }>(
      app.wsClient(),
      'subscription { systemStatusChanged { mode observedAt } }',
      2,
    );
    expect(events.map((event) => event.systemStatusChanged.mode)).toEqual([
      'simulation',
      'simulation',
    ]);
    expect(Date.parse(events[1].systemStatusChanged.observedAt)).toBeGreaterThan(
      Date.parse(events[0].systemStatusChanged.observedAt),
    );
  });

  it('serves liveness, readiness and metrics, and echoes a request id', async () => {
    const live = await fetch(`${app.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${app.url}/health/ready`, {
      headers: { 'x-request-id': 'gateway-123' },
    });
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-request-id')).toBe('gateway-123');
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' } },
    });
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  it('rejects an invalid GraphQL query with a clear error', async () => {
    const result = await app.graphql('{ systemStatus { noSuchField } }');
    expect(result.errors?.[0].message).toMatch(/noSuchField/);
  });

  it('records this run in the database through the migrations', async () => {
    const runs = await app.database.query<{ mode: string; stopped_at: Date | null }>(
      'SELECT mode, stopped_at FROM service_runs',
    );
    expect(runs).toEqual([{ mode: 'simulation', stopped_at: null }]);
  });

  it('matches the committed schema.gql (run `npm run start:dev` once and commit schema.gql when this fails)', () => {
    const { schema } = app.running.app.get(GraphQLSchemaHost);
    const committed = readFileSync(resolve(__dirname, '../schema.gql'), 'utf8')
      .replace(/^#.*\n/gm, '')
      .trim();
    expect(printSchema(lexicographicSortSchema(schema)).trim()).toBe(committed);
  });
});
