import type { FeedRecording } from '../../src/simulator';
import { Pipeline, type OpportunityCounts } from './pipeline-harness';
import { summarize, type Summary } from './stats';

export interface ThroughputPass {
  readonly frames: number;
  readonly seconds: number;
  readonly framesPerSecond: number;
  readonly counts: OpportunityCounts;
  readonly problems: Record<string, number>;
  readonly evaluations: number;
}

export interface LatencyPass {
  /** Per-frame time, microseconds. */
  readonly perFrame: Summary;
  readonly counts: OpportunityCounts;
}

/** Every delta frame through a fresh pipeline, timed as a whole (no clock read per frame beyond the app's own). */
export async function throughputPass(recording: FeedRecording): Promise<ThroughputPass> {
  const pipeline = await Pipeline.start(recording);
  const frames = pipeline.deltaFrames;
  const feed = pipeline.feed;
  const start = performance.now();
  // The WebSocket client reads Date.now() for every frame: so does the bench.
  for (let i = 0; i < frames.length; i++) feed.onFrame(frames[i], Date.now());
  const seconds = (performance.now() - start) / 1000;
  return {
    frames: frames.length,
    seconds,
    framesPerSecond: frames.length / seconds,
    counts: { ...pipeline.counts },
    problems: pipeline.problems(),
    evaluations: pipeline.engine.evaluations,
  };
}

/** Every delta frame through a fresh pipeline, each timed alone. */
export async function latencyPass(recording: FeedRecording): Promise<LatencyPass> {
  const pipeline = await Pipeline.start(recording);
  const frames = pipeline.deltaFrames;
  const feed = pipeline.feed;
  const samples = new Float64Array(frames.length);
  for (let i = 0; i < frames.length; i++) {
    const start = performance.now();
    feed.onFrame(frames[i], Date.now());
    samples[i] = (performance.now() - start) * 1000;
  }
  return { perFrame: summarize(samples), counts: { ...pipeline.counts } };
}

/** The floor: JSON.parse alone over the same frames (the result is used, so it cannot be optimised away). */
export function jsonParsePass(frames: readonly string[]): {
  seconds: number;
  framesPerSecond: number;
} {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < frames.length; i++) sink += (JSON.parse(frames[i]) as { seq: number }).seq;
  const seconds = (performance.now() - start) / 1000;
  if (sink < 0) console.log(sink);
  return { seconds, framesPerSecond: frames.length / seconds };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
