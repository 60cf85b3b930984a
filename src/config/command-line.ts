import { RUN_MODES, type RunMode } from './config-schema';

export interface CommandLine {
  mode: RunMode;
  debug: boolean;
  recordFile?: string;
  help: boolean;
}

export const USAGE = `Usage: node dist/src/main.js [--mode simulation|production|development] [--debug] [--record FILE]

  --mode      simulation (default): the built-in simulator or Kalshi market data, opportunities reported;
              production: real Kalshi at KALSHI_ENV, credentials required (no mode sends orders yet);
              development: simulation plus debug logs and the GraphQL sandbox
  --debug     debug logs in any mode
  --record    append every raw WebSocket frame with its receive time to FILE (JSON lines)
  --help      this text`;

/** Parses argv; returns the problems it found rather than throwing on the first one. */
export function parseCommandLine(argv: readonly string[]): {
  commandLine: CommandLine;
  problems: string[];
} {
  const commandLine: CommandLine = { mode: 'simulation', debug: false, help: false };
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inlineValue] =
      argv[i].startsWith('--') && argv[i].includes('=')
        ? argv[i].split(/=(.*)/s, 2)
        : [argv[i], undefined];
    const takeValue = (): string | undefined => {
      if (inlineValue !== undefined) return inlineValue;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i++;
      return next;
    };
    switch (flag) {
      case '--mode': {
        const value = takeValue();
        if (value === undefined)
          problems.push('--mode needs a value: simulation, production or development');
        else if (!RUN_MODES.includes(value as RunMode))
          problems.push(`--mode must be simulation, production or development (got "${value}")`);
        else commandLine.mode = value as RunMode;
        break;
      }
      case '--debug':
        commandLine.debug = true;
        break;
      case '--record': {
        const value = takeValue();
        if (value === undefined) problems.push('--record needs a file path');
        else commandLine.recordFile = value;
        break;
      }
      case '--help':
      case '-h':
        commandLine.help = true;
        break;
      default:
        problems.push(`unknown argument "${argv[i]}"`);
    }
  }
  return { commandLine, problems };
}
