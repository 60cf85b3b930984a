import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  target?: string;
  /** true / false when the row has a target, undefined otherwise. */
  met?: boolean;
}

export interface BenchResult {
  name: string;
  description: string;
  rows: BenchRow[];
  details?: Record<string, unknown>;
}

// npm runs scripts from the package root: results land in the repository's bench/results.
const RESULTS_DIR = resolve(process.cwd(), 'bench/results');

/** Prints the result as a table and writes bench/results/<name>.json (the latest run is committed). */
export function report(result: BenchResult): void {
  const width = Math.max(...result.rows.map((row) => row.metric.length), 10);
  console.log(`\n## ${result.name}: ${result.description}`);
  console.log(`${'metric'.padEnd(width)}  ${'value'.padStart(14)}  unit        target`);
  for (const row of result.rows) {
    const verdict = row.met === undefined ? '' : row.met ? '  ok' : '  MISSED';
    console.log(
      `${row.metric.padEnd(width)}  ${formatValue(row.value).padStart(14)}  ${row.unit.padEnd(10)}  ${row.target ?? ''}${verdict}`,
    );
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
  };
  writeFileSync(
    join(RESULTS_DIR, `${result.name}.json`),
    `${JSON.stringify({ ...result, machine, at: new Date().toISOString() }, null, 2)}\n`,
  );
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(2) : value.toPrecision(3);
}
