import { createInterface } from 'node:readline';
import type {
  CalculationError,
  CalculatorLeg,
  CalculatorRequest,
} from '../../src/arbitrage/calculator/arbitrage-calculator';
import { kindFromText } from './calculator-args';

/** Asks questions on `output` and reads answers from `input` line by line (a terminal or a pipe alike). */
export class LinePrompter {
  private readonly lines: AsyncIterator<string>;

  constructor(
    input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
  ) {
    this.lines = createInterface({ input, terminal: false })[Symbol.asyncIterator]();
  }

  /** The answer, the default for an empty one; throws EndOfInput when the input ends. */
  async ask(question: string, fallback?: string): Promise<string> {
    this.output.write(`${question}${fallback !== undefined ? ` [${fallback}]` : ''}: `);
    const next = await this.lines.next();
    if (next.done) throw new EndOfInput();
    const answer = next.value.trim();
    return answer === '' && fallback !== undefined ? fallback : answer;
  }

  say(text: string): void {
    this.output.write(`${text}\n`);
  }
}

export class EndOfInput extends Error {
  override readonly name = 'EndOfInput';
  constructor() {
    super('the input ended before every question was answered');
  }
}

/** Asks for the kind, the legs and their prices, the count and the fee settings. */
export async function askRequest(
  prompter: LinePrompter,
  defaults: { memberPrecision: string },
): Promise<CalculatorRequest> {
  const kind = kindFromText(
    await prompter.ask('Kind: ladder, partition-no or partition-yes', 'ladder'),
  );
  const legs: CalculatorLeg[] = [];
  if (kind === 'LADDER_INVERSION') {
    legs.push({
      side: 'yes',
      price: await prompter.ask(
        'Buy YES on the wider strike (lower "above" / higher "below"), price',
      ),
    });
    legs.push({ side: 'no', price: await prompter.ask('Buy NO on the narrower strike, NO price') });
  } else {
    const side = kind === 'PARTITION_BUY_YES' ? 'yes' : 'no';
    const members = Number.parseInt(
      await prompter.ask('How many options (members) in the event', '3'),
      10,
    );
    for (let i = 1; i <= (Number.isInteger(members) && members > 0 ? members : 0); i++) {
      legs.push({
        side,
        price: await prompter.ask(`Option ${i}: buy ${side.toUpperCase()}, price`),
      });
    }
  }
  const count = await prompter.ask('Contracts on every leg', '1');
  const feeMultiplier = await prompter.ask('Fee multiplier of the series', '1');
  const memberPrecision = await prompter.ask(
    'Member precision: cent or centicent',
    defaults.memberPrecision,
  );
  const priceLevelStructure = await prompter.ask(
    'Price grid: linear_cent, deci_cent or tapered_deci_cent',
    'linear_cent',
  );
  const exhaustive =
    kind === 'PARTITION_BUY_NO'
      ? /^y/i.test(await prompter.ask('Do these options cover every outcome (y/n)', 'n'))
      : false;
  return { kind, legs, count, feeMultiplier, memberPrecision, priceLevelStructure, exhaustive };
}

/** Asks again for the one field the calculator rejected; returns the corrected request. */
export async function askAgain(
  prompter: LinePrompter,
  request: CalculatorRequest,
  error: CalculationError,
): Promise<CalculatorRequest> {
  prompter.say(`  ${error.message}`);
  const leg = /^legs\[(\d+)\]\.(price|side)$/.exec(error.field);
  if (leg) {
    const index = Number(leg[1]);
    const legs = [...request.legs];
    legs[index] = {
      ...legs[index],
      price: await prompter.ask(`Leg ${index + 1}: buy ${legs[index].side.toUpperCase()}, price`),
    };
    return { ...request, legs };
  }
  switch (error.field) {
    case 'count':
      return { ...request, count: await prompter.ask('Contracts on every leg') };
    case 'feeMultiplier':
      return { ...request, feeMultiplier: await prompter.ask('Fee multiplier of the series', '1') };
    case 'memberPrecision':
      return {
        ...request,
        memberPrecision: await prompter.ask('Member precision: cent or centicent', 'cent'),
      };
    case 'priceLevelStructure':
      return {
        ...request,
        priceLevelStructure: await prompter.ask(
          'Price grid: linear_cent, deci_cent or tapered_deci_cent',
          'linear_cent',
        ),
      };
    default:
      // The kind or the number of legs: start over.
      return askRequest(prompter, { memberPrecision: request.memberPrecision ?? 'cent' });
  }
}
