/** Latency statistics of a sample, in the sample's unit. Sorts a copy. */
export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: ArrayLike<number>, count = samples.length): Summary {
  const sorted = Float64Array.from({ length: count }, (_, i) => samples[i]).sort();
  const at = (q: number) => sorted[Math.min(count - 1, Math.floor(q * count))];
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i];
  return { count, p50: at(0.5), p99: at(0.99), max: sorted[count - 1], mean: sum / count };
}

/** High-resolution clock in microseconds. */
export function nowMicros(): number {
  return Number(process.hrtime.bigint()) / 1000;
}
