import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run bench`: every benchmark in its own Node process (clean heap, no JIT cross-talk), one after another.
 * Each also runs alone: `node dist/bench/<name>.bench.js` after `npm run build`.
 */
const BENCHES = ['pipeline', 'scaling', 'memory', 'tick-to-detection', 'fanout'];
const only = process.argv.slice(2);
let failed = 0;
for (const name of BENCHES.filter((b) => only.length === 0 || only.includes(b))) {
  const result = spawnSync(process.execPath, ['--expose-gc', join(__dirname, `${name}.bench.js`)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`benchmark ${name} failed (exit ${result.status})`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
