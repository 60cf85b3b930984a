import { RATE_TIERS, type RateTier } from './exchange/rate-limiter';

export type CliCommand =
  | { kind: 'keygen'; out: string }
  | { kind: 'help' }
  | {
      kind: 'serve';
      port: number;
      host: string;
      seed: number;
      markets: number;
      messagesPerSecond: number;
      keysDir: string | null;
      noAuth: boolean;
      traffic: boolean;
      rateLimit: RateTier | 'off';
      opportunitiesPerMinute: number;
    };

export const USAGE = `Kalshi-compatible exchange simulator

  npm run sim -- [--port 8090] [--host 127.0.0.1] [--seed 42] [--markets 500] [--rate 1000]
                 [--keys DIR | --no-auth] [--no-traffic] [--rate-limit basic|advanced|premier|paragon|prime|off]
                 [--opportunities-per-minute 6]
  npm run sim -- keygen --out DIR     writes DIR/kalshi-sim.key and DIR/kalshi-sim.pub.pem, prints the key id

  --keys DIR   accept the keys of every *.pub.pem in DIR (key id: its "Key-Id:" line, else the file name)
  --no-auth    accept any client (portfolio, orders and WebSocket included)
  --rate N     order book changes per second across the exchange (WebSocket orderbook_delta messages)`;

/** Parses the simulator's command line; throws Error with a message naming the bad argument. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const args = [...argv];
  if (args[0] === 'keygen') {
    const outIndex = args.indexOf('--out');
    const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
    if (!out) throw new Error('keygen needs --out DIR');
    return { kind: 'keygen', out };
  }
  const command: Extract<CliCommand, { kind: 'serve' }> = {
    kind: 'serve',
    port: 8090,
    host: '127.0.0.1',
    seed: 42,
    markets: 500,
    messagesPerSecond: 1_000,
    keysDir: null,
    noAuth: false,
    traffic: true,
    rateLimit: 'basic',
    opportunitiesPerMinute: 6,
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = () => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
      return next;
    };
    const integer = (min: number, max: number) => {
      const text = value();
      const number = Number(text);
      if (!Number.isInteger(number) || number < min || number > max)
        throw new Error(`${flag} must be an integer from ${min} to ${max} (got ${text})`);
      return number;
    };
    switch (flag) {
      case '--help':
      case '-h':
        return { kind: 'help' };
      case '--port':
        command.port = integer(0, 65_535);
        break;
      case '--host':
        command.host = value();
        break;
      case '--seed':
        command.seed = integer(0, 2 ** 32 - 1);
        break;
      case '--markets':
        command.markets = integer(1, 100_000);
        break;
      case '--rate':
      case '--messages-per-second':
        command.messagesPerSecond = integer(0, 1_000_000);
        break;
      case '--keys':
        command.keysDir = value();
        break;
      case '--no-auth':
        command.noAuth = true;
        break;
      case '--no-traffic':
        command.traffic = false;
        break;
      case '--rate-limit': {
        const tier = value();
        if (tier !== 'off' && !(tier in RATE_TIERS))
          throw new Error(
            `--rate-limit must be off or one of ${Object.keys(RATE_TIERS).join(', ')}`,
          );
        command.rateLimit = tier as RateTier | 'off';
        break;
      }
      case '--opportunities-per-minute':
        command.opportunitiesPerMinute = integer(0, 10_000);
        break;
      default:
        throw new Error(`unknown argument ${flag}`);
    }
  }
  if (command.noAuth && command.keysDir) throw new Error('--keys and --no-auth exclude each other');
  return command;
}
