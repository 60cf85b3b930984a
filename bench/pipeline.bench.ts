import { loadavg } from 'node:os';
import { generateFeedRecording } from '../src/simulator';
import { silenceNestLogs, socketFrames } from './support/pipeline-harness';
import { gc, jsonParsePass, latencyPass, median, throughputPass } from './support/pipeline-passes';
import { MARKETS_PER_SID } from './support/pipeline-harness';
import { report } from './support/report';

/**
 * The hot path end to end, in one process, from recorded Kalshi frames: parse -> book -> incremental detection ->
 * opportunity tracker (log line, write-behind queue, EventBus publish), against JSON.parse alone on the same frames.
 */
const EVENTS = 200;
const MIN_MEMBERS = 5;
const MAX_MEMBERS = 30;
const FRAMES = 300_000;
const RUNS = 3;
/** Planted mispricings per simulated minute (the stream covers 15 simulated seconds at 20,000 changes/s). */
const OPPORTUNITIES_PER_MINUTE = 1_200;

async function main(): Promise<void> {
  silenceNestLogs();
  const load = loadavg()[0];
  const recording = generateFeedRecording({
    seed: 2026,
    events: EVENTS,
    minMembers: MIN_MEMBERS,
    maxMembers: MAX_MEMBERS,
    frames: FRAMES,
    marketsPerSid: MARKETS_PER_SID,
    opportunitiesPerMinute: OPPORTUNITIES_PER_MINUTE,
  });
  const deltas = socketFrames(recording.frames).slice(recording.markets.length);

  // Warm-up: the whole path and JSON.parse, until the JIT has settled.
  await throughputPass(recording);
  jsonParsePass(deltas);
  await throughputPass(recording);

  const runs = [];
  const floors = [];
  for (let run = 0; run < RUNS; run++) {
    gc();
    runs.push(await throughputPass(recording));
    gc();
    floors.push(jsonParsePass(deltas));
  }
  gc();
  const latency = await latencyPass(recording);
  const rate = median(runs.map((r) => r.framesPerSecond));
  const floorRate = median(floors.map((f) => f.framesPerSecond));
  const ratio = floorRate / rate;
  const counts = runs[0].counts;
  if (counts.opened === 0)
    throw new Error('the stream produced no opportunity: detection cost is not real');
  const perFrame = latency.perFrame;
  report({
    name: 'pipeline',
    description: `${recording.markets.length} markets in ${EVENTS} events (groups of ${MIN_MEMBERS}-${MAX_MEMBERS}), ${deltas.length.toLocaleString('en-US')} delta frames: parse -> book -> detection -> tracker`,
    rows: [
      {
        metric: 'pipeline frames/s',
        value: Math.round(rate),
        unit: 'frames/s',
        target: '>= 300,000',
        met: rate >= 300_000,
      },
      {
        metric: 'per-frame p50',
        value: perFrame.p50,
        unit: 'µs',
      },
      {
        metric: 'per-frame p99',
        value: perFrame.p99,
        unit: 'µs',
        target: '< 20',
        met: perFrame.p99 < 20,
      },
      { metric: 'per-frame max', value: perFrame.max, unit: 'µs' },
      { metric: 'per-frame mean', value: perFrame.mean, unit: 'µs' },
      { metric: 'JSON.parse alone frames/s', value: Math.round(floorRate), unit: 'frames/s' },
      {
        metric: 'pipeline time / JSON.parse time',
        value: ratio,
        unit: 'x',
        target: '<= 3',
        met: ratio <= 3,
      },
      { metric: 'opportunities opened', value: counts.opened, unit: 'count' },
      { metric: 'opportunities updated', value: counts.updated, unit: 'count' },
      { metric: 'opportunities closed', value: counts.closed, unit: 'count' },
      { metric: 'group evaluations', value: runs[0].evaluations, unit: 'count' },
    ],
    details: {
      markets: recording.markets.length,
      events: EVENTS,
      deltaFrames: deltas.length,
      runs: runs.map((r) => ({
        framesPerSecond: Math.round(r.framesPerSecond),
        seconds: r.seconds,
      })),
      jsonParseRuns: floors.map((f) => Math.round(f.framesPerSecond)),
      perFrameMicros: perFrame,
      feedProblems: runs[0].problems,
      loadAverageAtStart: load,
      thresholds:
        'ARB_MIN_NET_PROFIT=0.01, ARB_MIN_NET_PER_CONTRACT=0.0001, ARB_MIN_RETURN_PERCENT=0.01',
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
