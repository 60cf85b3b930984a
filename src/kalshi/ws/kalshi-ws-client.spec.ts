import { constants, verify } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { KalshiSigner } from '../auth/kalshi-signer';
import { testRsaKeys } from '../testing/test-keys';
import { KalshiWsClient, type WsClientListener } from './kalshi-ws-client';

const keys = testRsaKeys();

/** A tiny Kalshi-like WS endpoint that verifies the upgrade signature as Kalshi does. */
async function startServer(options: { silent?: boolean } = {}) {
  const upgrades: { timestamp: string; valid: boolean }[] = [];
  const sockets: WebSocket[] = [];
  const server = new WebSocketServer({
    port: 0,
    host: '127.0.0.1',
    autoPong: !options.silent,
    verifyClient: (
      { req }: { req: IncomingMessage },
      done: (ok: boolean, code?: number) => void,
    ) => {
      const timestamp = String(req.headers['kalshi-access-timestamp']);
      const signature = Buffer.from(String(req.headers['kalshi-access-signature']), 'base64');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const valid = verify(
        'sha256',
        Buffer.from(`${timestamp}GET${path}`),
        { key: keys.publicKeyPem, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        signature,
      );
      upgrades.push({ timestamp, valid });
      done(valid, 401);
    },
  });
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/trade-api/ws/v2`;
  return {
    server,
    url,
    upgrades,
    sockets,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function recorder() {
  const events: string[] = [];
  let resolveWaiter: (() => void) | undefined;
  let wanted = '';
  const listener: WsClientListener = {
    onOpen: () => push('open'),
    onFrame: (text) => push(`frame:${text}`),
    onClose: () => push('close'),
  };
  function push(event: string) {
    events.push(event);
    if (resolveWaiter && events.filter((e) => e === wanted).length > 0) resolveWaiter();
  }
  /** Resolves once `count` events equal to `event` were seen. */
  const waitFor = (event: string, count = 1) =>
    new Promise<void>((resolve) => {
      const check = () => events.filter((e) => e === event).length >= count;
      if (check()) return resolve();
      wanted = event;
      resolveWaiter = () => check() && resolve();
    });
  return { events, listener, waitFor };
}

describe('KalshiWsClient', () => {
  let clock = 1_700_000_000_000;
  const signer = new KalshiSigner('key-1', keys.privateKeyPem, () => clock++);

  it('signs the upgrade, delivers frames, sends commands with increasing ids', async () => {
    const sim = await startServer();
    const client = new KalshiWsClient({ url: sim.url, signer });
    const seen = recorder();
    const commands: string[] = [];
    sim.server.on('connection', (socket) =>
      socket.on('message', (data: Buffer) => commands.push(data.toString('utf8'))),
    );
    client.start(seen.listener);
    await seen.waitFor('open');
    expect(sim.upgrades).toEqual([{ timestamp: expect.stringMatching(/^\d{13}$/), valid: true }]);
    expect(client.send('subscribe', { channels: ['orderbook_delta'] })).toBe(1);
    expect(client.send('list_subscriptions')).toBe(2);
    sim.sockets[0].send('{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":1}}');
    await seen.waitFor(
      'frame:{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":1}}',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(commands.map((c) => JSON.parse(c))).toEqual([
      { id: 1, cmd: 'subscribe', params: { channels: ['orderbook_delta'] } },
      { id: 2, cmd: 'list_subscriptions' },
    ]);
    await client.stop();
    await sim.close();
  });

  it('reconnects after the server drops it, signing the new upgrade afresh', async () => {
    const sim = await startServer();
    const client = new KalshiWsClient({
      url: sim.url,
      signer,
      reconnectBaseDelayMs: 10,
      reconnectMaxDelayMs: 50,
    });
    const seen = recorder();
    client.start(seen.listener);
    await seen.waitFor('open');
    sim.sockets[0].terminate();
    await seen.waitFor('open', 2);
    expect(seen.events.filter((e) => e === 'close')).toHaveLength(1);
    expect(sim.upgrades).toHaveLength(2);
    expect(sim.upgrades.every((u) => u.valid)).toBe(true);
    expect(sim.upgrades[0].timestamp).not.toBe(sim.upgrades[1].timestamp);
    expect(client.opens).toBe(2);
    await client.stop();
    await sim.close();
  });

  it('keeps retrying with backoff while the upgrade is refused (a bad key), never opening', async () => {
    const sim = await startServer();
    const wrong = new KalshiSigner('key-1', testRsaKeys().privateKeyPem);
    const client = new KalshiWsClient({
      url: sim.url,
      signer: wrong,
      reconnectBaseDelayMs: 10,
      reconnectMaxDelayMs: 20,
    });
    const seen = recorder();
    client.start(seen.listener);
    await seen.waitFor('close', 2);
    expect(seen.events).not.toContain('open');
    expect(sim.upgrades.length).toBeGreaterThanOrEqual(2);
    expect(sim.upgrades.some((u) => u.valid)).toBe(false);
    await client.stop();
    await sim.close();
  });

  it('declares a connection dead when nothing (frame, ping or pong) arrives, and reconnects', async () => {
    const sim = await startServer({ silent: true });
    const client = new KalshiWsClient({
      url: sim.url,
      signer,
      livenessTimeoutMs: 150,
      pingIntervalMs: 10_000,
      reconnectBaseDelayMs: 10,
    });
    const seen = recorder();
    client.start(seen.listener);
    await seen.waitFor('open');
    await seen.waitFor('open', 2);
    expect(seen.events.indexOf('close')).toBeGreaterThan(0);
    await client.stop();
    await sim.close();
  });

  it('stays alive on server pings alone', async () => {
    const sim = await startServer({ silent: true });
    const client = new KalshiWsClient({
      url: sim.url,
      signer,
      livenessTimeoutMs: 300,
      pingIntervalMs: 10_000,
    });
    const seen = recorder();
    client.start(seen.listener);
    await seen.waitFor('open');
    const pinger = setInterval(() => sim.sockets[0]?.ping('heartbeat'), 50);
    await new Promise((resolve) => setTimeout(resolve, 900));
    clearInterval(pinger);
    expect(seen.events.filter((e) => e === 'close')).toHaveLength(0);
    await client.stop();
    await sim.close();
  });
});
