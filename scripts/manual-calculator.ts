import { arbitrageSettings } from '../src/arbitrage/arbitrage-settings';
import { ConfigError } from '../src/config/config-error';
import { environmentWithDotEnv, loadConfig } from '../src/config/load-config';
import { runCalculator } from './calculator/run-calculator';

/** `npm run calc`: the manual arbitrage calculator, with exact Kalshi fees and the configured thresholds. */
async function main(): Promise<number> {
  let settings;
  try {
    settings = arbitrageSettings(loadConfig([], environmentWithDotEnv()));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  return runCalculator(process.argv.slice(2), settings, {
    input: process.stdin,
    output: process.stdout,
    errors: process.stderr,
  });
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
