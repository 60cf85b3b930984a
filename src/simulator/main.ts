import { startSimulator } from './index';
import { readPublicKeys, writeKeyPair } from './auth/key-files';
import { parseCliArgs, USAGE, type CliCommand } from './simulator-cli-args';

/** `npm run sim`: the simulator alone, or `keygen --out DIR` for a local key pair. */
async function main(argv: string[]): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (command.kind === 'keygen') {
    const { pair, privateKeyPath, publicKeyPath } = writeKeyPair(command.out);
    console.log(`key id ${pair.keyId}\nprivate key ${privateKeyPath}\npublic key ${publicKeyPath}`);
    console.log(
      `use: KALSHI_API_KEY=${pair.keyId} KALSHI_PRIVATE_KEY_PATH=${privateKeyPath}; start the simulator with --keys ${command.out}`,
    );
    return;
  }
  const publicKeys = command.keysDir ? readPublicKeys(command.keysDir) : {};
  if (!command.noAuth && Object.keys(publicKeys).length === 0) {
    console.log(
      'no keys given: only public market data is reachable (use --keys DIR from `npm run sim -- keygen --out DIR`, or --no-auth)',
    );
  }
  const simulator = await startSimulator({
    port: command.port,
    host: command.host,
    seed: command.seed,
    markets: command.markets,
    messagesPerSecond: command.messagesPerSecond,
    auth: command.noAuth ? 'none' : { publicKeys },
    startTraffic: command.traffic,
    rateLimit: command.rateLimit,
    opportunitiesPerMinute: command.opportunitiesPerMinute,
    log: (line) => console.log(line),
  });
  for (const keyId of Object.keys(publicKeys)) console.log(`accepting key ${keyId}`);
  console.log(`KALSHI_API_URL=${simulator.restUrl}\nKALSHI_WS_URL=${simulator.wsUrl}`);
  const stop = () => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main(process.argv.slice(2));
