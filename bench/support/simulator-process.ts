import { startSimulator, type OpportunityKind, type RunningSimulator } from '../../src/simulator';

/**
 * The tick-to-detection bench's exchange, in a process of its own (as Kalshi is remote: its work never delays the
 * app's event loop). It plants on request and answers with the time each frame of the plant was handed to the
 * socket (performance.timeOrigin + now, microseconds: comparable with the parent's clock on one machine).
 */
type Command = { kind: 'plant'; opportunity: OpportunityKind; id: number } | { kind: 'stop' };

let simulator: RunningSimulator | undefined;
let armed = false;
let sent: [string, number][] = [];

async function main(): Promise<void> {
  simulator = await startSimulator({
    seed: 42,
    markets: Number(process.env.SIM_MARKETS ?? 200),
    messagesPerSecond: Number(process.env.SIM_RATE ?? 1_000),
    opportunitiesPerMinute: 0,
    onFrameSent: (frame) => {
      if (armed) sent.push([frame, (performance.timeOrigin + performance.now()) * 1000]);
    },
  });
  process.send!({ kind: 'ready', restUrl: simulator.restUrl, wsUrl: simulator.wsUrl });
}

process.on('message', (command: Command) => {
  if (command.kind === 'stop') {
    void simulator?.close().then(() => process.exit(0));
    return;
  }
  sent = [];
  armed = true;
  const planted = simulator!.exchange.createOpportunity({
    kind: command.opportunity,
    durationMs: 40,
    sizeE2: 1_000,
    minProfitE4: 200,
  });
  armed = false;
  process.send!({
    kind: 'planted',
    id: command.id,
    eventTicker: planted.ok ? planted.value.event_ticker : undefined,
    sent,
  });
});

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
