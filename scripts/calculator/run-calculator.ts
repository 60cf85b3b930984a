import {
  ArbitrageCalculator,
  type CalculationResult,
} from '../../src/arbitrage/calculator/arbitrage-calculator';
import type { ArbitrageSettings } from '../../src/arbitrage/arbitrage-settings';
import { calculationModel } from '../../src/arbitrage/graphql/arbitrage-calculation.model';
import { CALCULATOR_USAGE, parseCalculatorArgs } from './calculator-args';
import { calculatorReport } from './calculator-report';
import { EndOfInput, LinePrompter, askAgain, askRequest } from './calculator-prompts';

export interface CalculatorIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly errors: NodeJS.WritableStream;
}

/**
 * `npm run calc`: flags, or questions when there are none. The same ArbitrageCalculator as the
 * `calculateArbitrage` query, with the thresholds of the configuration. Returns the exit code.
 */
export async function runCalculator(
  argv: readonly string[],
  settings: Pick<ArbitrageSettings, 'thresholds' | 'memberPrecision'>,
  io: CalculatorIo,
): Promise<number> {
  const args = parseCalculatorArgs(argv);
  if (args.help) {
    io.output.write(`${CALCULATOR_USAGE}\n`);
    return 0;
  }
  if (args.problems.length > 0) {
    io.errors.write(
      `${args.problems.map((problem) => `error: ${problem}`).join('\n')}\n\n${CALCULATOR_USAGE}\n`,
    );
    return 2;
  }
  const calculator = new ArbitrageCalculator({
    thresholds: settings.thresholds,
    memberPrecision: settings.memberPrecision,
  });
  let result: CalculationResult;
  if (args.request) {
    result = calculator.calculate(args.request);
  } else {
    const prompter = new LinePrompter(io.input, io.output);
    try {
      let request = await askRequest(prompter, { memberPrecision: settings.memberPrecision });
      result = calculator.calculate(request);
      while (!result.ok) {
        request = await askAgain(prompter, request, result);
        result = calculator.calculate(request);
      }
      prompter.say('');
    } catch (error) {
      if (!(error instanceof EndOfInput)) throw error;
      io.errors.write(`\nerror: ${error.message}\n`);
      return 1;
    }
  }
  if (!result.ok) {
    io.errors.write(`error (${result.code}): ${result.message}\n`);
    return 2;
  }
  const model = calculationModel(result);
  io.output.write(args.json ? `${JSON.stringify(model, null, 2)}\n` : calculatorReport(model));
  return 0;
}
