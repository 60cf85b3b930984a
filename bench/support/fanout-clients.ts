import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { summarize } from './stats';

/**
 * The fan-out bench's subscribers, in a process of their own (so they do not share the server's core): N
 * graphql-ws clients subscribed to opportunityUpdated, each receive time kept per opportunity id.
 */
type Command =
  | { kind: 'start'; url: string; clients: number; query: string }
  | { kind: 'finish'; publishedAt: Record<string, number> };

const received = new Map<string, number[]>();
const probed = new Set<number>();
const clients: Client[] = [];
let total = 0;

const now = () => (performance.timeOrigin + performance.now()) * 1000;
const send = (message: unknown) => process.send!(message);

function start(url: string, count: number, query: string): void {
  let connected = 0;
  for (let i = 0; i < count; i++) {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      on: { connected: () => ++connected === count && send({ kind: 'connected' }) },
    });
    clients.push(client);
    client.subscribe<{ opportunityUpdated: { opportunity: { id: string } } }>(
      { query },
      {
        next: (result) => {
          const at = now();
          const id = result.data?.opportunityUpdated.opportunity.id;
          if (id === undefined) return;
          if (id.startsWith('probe')) {
            if (!probed.has(i)) {
              probed.add(i);
              if (probed.size === count) send({ kind: 'probed' });
            }
            return;
          }
          total++;
          let times = received.get(id);
          if (!times) received.set(id, (times = []));
          times.push(at);
        },
        error: (error) => send({ kind: 'error', message: String(error) }),
        complete: () => undefined,
      },
    );
  }
}

/** Latency of every delivery, in microseconds, against the server's publish time of the same id. */
function finish(publishedAt: Record<string, number>): void {
  const latencies: number[] = [];
  for (const [id, times] of received) {
    const at = publishedAt[id];
    if (at === undefined) continue;
    for (const time of times) latencies.push(time - at);
  }
  send({ kind: 'result', deliveries: total, summary: summarize(latencies) });
  for (const client of clients) void client.dispose();
  setTimeout(() => process.exit(0), 500).unref();
}

process.on('message', (command: Command) => {
  if (command.kind === 'start') start(command.url, command.clients, command.query);
  else finish(command.publishedAt);
});

/** How many deliveries have arrived so far (the parent polls). */
setInterval(() => send({ kind: 'progress', deliveries: total }), 250).unref();
