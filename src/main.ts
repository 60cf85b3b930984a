import 'reflect-metadata';
import { USAGE } from './config/command-line';
import { ConfigError } from './config/config-error';
import { environmentWithDotEnv, loadConfig } from './config/load-config';
import { startApplication } from './app-bootstrap';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig(argv, environmentWithDotEnv());
  const running = await startApplication(config);
  // Our own handlers (not Nest's enableShutdownHooks, which re-raises the signal): Nest closes first, then the embedded database.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('shutdown failed:', error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  console.error(
    `kalshi-arb could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
