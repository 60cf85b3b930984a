import type {
  CalculatorLeg,
  CalculatorRequest,
} from '../../src/arbitrage/calculator/arbitrage-calculator';

export const CALCULATOR_USAGE = `Usage: npm run calc [-- --kind KIND --leg "buy yes 0.25" --leg "buy no 0.70" --count 100 [options]]

Without flags it asks for everything interactively.

  --kind            ladder (LADDER_INVERSION), partition-no (PARTITION_BUY_NO) or partition-yes (PARTITION_BUY_YES)
  --leg             "buy SIDE PRICE [TICKER]", once per leg, in order (ladder: YES on the wider strike, then NO)
  --count           contracts on every leg (default 1)
  --fee-multiplier  series fee_multiplier (default 1; 0.5 for index series)
  --fee-type        quadratic (default), quadratic_with_maker_fees, quadratic_with_combo_maker_fees, flat
  --member          cent (via FCM or broker) or centicent (direct member); default ARB_MEMBER_PRECISION
  --grid            linear_cent (default), deci_cent or tapered_deci_cent
  --exhaustive      partition-no: the legs are every member of an exhaustive event
  --fractional      allow counts finer than one contract
  --json            print the result as JSON (the calculateArbitrage shape)
  --help            this text`;

export interface CalculatorArgs {
  readonly request?: CalculatorRequest;
  readonly json: boolean;
  readonly help: boolean;
  /** No calculation flag at all: ask interactively. */
  readonly interactive: boolean;
  readonly problems: readonly string[];
}

const KIND_ALIASES: Record<string, string> = {
  ladder: 'LADDER_INVERSION',
  'ladder-inversion': 'LADDER_INVERSION',
  'partition-no': 'PARTITION_BUY_NO',
  'partition-buy-no': 'PARTITION_BUY_NO',
  'partition-yes': 'PARTITION_BUY_YES',
  'partition-buy-yes': 'PARTITION_BUY_YES',
};

/** "ladder" -> LADDER_INVERSION; full names pass (any case); anything else is left for the calculator to reject. */
export function kindFromText(text: string): string {
  const normal = text.trim().toLowerCase().replace(/_/g, '-');
  return KIND_ALIASES[normal] ?? text.trim().toUpperCase();
}

/** "buy yes 0.25", "yes 0.25 KXINX-26OCT01-T300": side, price, optional ticker. */
export function legFromText(text: string): CalculatorLeg | undefined {
  const words = text.trim().split(/\s+/);
  // Arbitrage legs only buy; the word is optional.
  if (words[0]?.toLowerCase() === 'buy') words.shift();
  if (words.length < 2 || words.length > 3) return undefined;
  const side = words[0].toLowerCase();
  if (side !== 'yes' && side !== 'no') return undefined;
  return { side, price: words[1], ticker: words[2] };
}

const VALUE_FLAGS = new Set([
  '--kind',
  '--leg',
  '--count',
  '--fee-multiplier',
  '--fee-type',
  '--member',
  '--grid',
]);
const SWITCHES = new Set(['--exhaustive', '--fractional', '--json', '--help']);

export function parseCalculatorArgs(argv: readonly string[]): CalculatorArgs {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=')
      ? argv[i].split(/=(.*)/s, 2)
      : [argv[i], undefined];
    if (SWITCHES.has(flag)) {
      switches.add(flag);
    } else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined) problems.push(`${flag} needs a value`);
      else values.set(flag, [...(values.get(flag) ?? []), value]);
    } else {
      problems.push(`unknown argument "${argv[i]}"`);
    }
  }
  const json = switches.has('--json');
  const help = switches.has('--help');
  const interactive =
    values.size === 0 && !switches.has('--exhaustive') && !switches.has('--fractional');
  if (interactive || help) return { json, help, interactive, problems };
  const one = (flag: string) => values.get(flag)?.at(-1);
  const legs: CalculatorLeg[] = [];
  for (const text of values.get('--leg') ?? []) {
    const leg = legFromText(text);
    if (leg) legs.push(leg);
    else
      problems.push(`--leg "${text}" must look like "buy yes 0.25" (side, price, optional ticker)`);
  }
  if (!one('--kind')) problems.push('--kind is required (ladder, partition-no or partition-yes)');
  return {
    json,
    help,
    interactive,
    problems,
    request: {
      kind: kindFromText(one('--kind') ?? ''),
      legs,
      count: one('--count') ?? '1',
      feeType: one('--fee-type'),
      feeMultiplier: one('--fee-multiplier'),
      memberPrecision: one('--member'),
      priceLevelStructure: one('--grid'),
      exhaustive: switches.has('--exhaustive'),
      fractional: switches.has('--fractional'),
    },
  };
}
