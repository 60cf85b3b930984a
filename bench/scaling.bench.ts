import { loadavg } from 'node:os';
import { generateFeedRecording } from '../src/simulator';
import { MARKETS_PER_SID, silenceNestLogs } from './support/pipeline-harness';
import { gc, latencyPass, median, throughputPass } from './support/pipeline-passes';
import { report, type BenchRow } from './support/report';

/**
 * The pipeline's per-frame cost at 100, 1,000 and 10,000 markets with the same group sizes (5-30 members):
 * it must follow the size of the touched group, not the number of markets.
 */
const SIZES = [100, 1_000, 10_000];
const MIN_MEMBERS = 5;
const MAX_MEMBERS = 30;
/** Mean members per event at 5-30 (measured on the generator: 3,144 markets in 200 events). */
const MEAN_MEMBERS = 15.7;
const FRAMES = 100_000;
/** The pipeline bench's density: 1,200 planted per simulated minute over 200 events. */
const PLANTED_PER_EVENT_MINUTE = 6;

async function main(): Promise<void> {
  silenceNestLogs();
  const load = loadavg()[0];
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = { loadAverageAtStart: load };
  for (const size of SIZES) {
    const events = Math.max(1, Math.round(size / MEAN_MEMBERS));
    const recording = generateFeedRecording({
      seed: 2026 + size,
      events,
      minMembers: MIN_MEMBERS,
      maxMembers: MAX_MEMBERS,
      frames: FRAMES,
      marketsPerSid: MARKETS_PER_SID,
      opportunitiesPerMinute: events * PLANTED_PER_EVENT_MINUTE,
    });
    // Warm-up, as in the pipeline bench.
    await throughputPass(recording);
    await throughputPass(recording);
    const runs = [];
    for (let run = 0; run < 2; run++) {
      gc();
      runs.push(await throughputPass(recording));
    }
    gc();
    const latency = await latencyPass(recording);
    const rate = median(runs.map((r) => r.framesPerSecond));
    const markets = recording.markets.length;
    const label = `${markets.toLocaleString('en-US')} markets`;
    rows.push(
      { metric: `${label}: frames/s`, value: Math.round(rate), unit: 'frames/s' },
      { metric: `${label}: per-frame p50`, value: latency.perFrame.p50, unit: 'µs' },
      {
        metric: `${label}: per-frame p99`,
        value: latency.perFrame.p99,
        unit: 'µs',
        target: '< 20',
        met: latency.perFrame.p99 < 20,
      },
    );
    details[String(size)] = {
      markets,
      events,
      deltaFrames: runs[0].frames,
      framesPerSecond: runs.map((r) => Math.round(r.framesPerSecond)),
      perFrameMicros: latency.perFrame,
      opportunities: runs[0].counts,
      feedProblems: runs[0].problems,
    };
  }
  report({
    name: 'scaling',
    description: `per-frame cost vs number of markets (groups of ${MIN_MEMBERS}-${MAX_MEMBERS}, ${FRAMES.toLocaleString('en-US')} delta frames each)`,
    rows,
    details,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
