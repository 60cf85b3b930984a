import type { ArbitrageCalculationModel } from '../../src/arbitrage/graphql/arbitrage-calculation.model';

/** The calculation as a readable page: each leg, the fee per leg, the payout, net profit and return, the thresholds. */
export function calculatorReport(result: ArbitrageCalculationModel): string {
  const rows = [
    ['leg', 'market', 'side', 'price', 'count', 'cost', 'trade fee', 'debit'],
    ...result.legs.map((leg, index) => [
      String(index + 1),
      leg.ticker,
      leg.side,
      leg.limitPrice,
      leg.count,
      leg.cost,
      leg.tradeFee,
      leg.debit,
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const table = rows.map(
    (row) =>
      '  ' +
      row
        .map((cell, column) =>
          column >= 3 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
        )
        .join('  '),
  );
  const paid = addDecimal(result.cost, result.fees);
  const lines: [string, string][] = [
    ['paid (cost + fees)', paid],
    ['guaranteed payout', result.guaranteedPayout],
    ['gross profit (before fees)', result.grossProfit],
    ['fees (trade + rounding)', result.fees],
    ['net profit (worst outcome)', result.netProfit],
    ['best case profit', result.bestCaseProfit],
    ['return on capital', `${result.returnPercent}%`],
    ['net per contract', result.netPerContract],
  ];
  const labelWidth = Math.max(...lines.map(([label]) => label.length));
  const valueWidth = Math.max(...lines.map(([, value]) => value.length));
  const t = result.thresholds;
  const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
  return [
    `${result.kind}, ${result.count} contracts on every leg; fees ${result.feeType} x${result.feeMultiplier}; ${result.memberPrecision} member`,
    '',
    ...table,
    '',
    ...lines.map(
      ([label, value]) => `  ${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}`,
    ),
    '',
    `  thresholds: net >= ${t.minNetProfit} ${yes(t.netProfitOk)}, per contract >= ${t.minNetPerContract} ${yes(t.netPerContractOk)}, return >= ${t.minReturnPercent}% ${yes(t.returnOk)}`,
    `  ${result.clearsThresholds ? 'CLEARS the configured thresholds' : 'does NOT clear the configured thresholds'}`,
    '',
  ].join('\n');
}

/** Sum of two non-negative 6-decimal dollar strings, exactly (no floats). */
function addDecimal(a: string, b: string): string {
  const toMicros = (text: string) => BigInt(text.replace('.', ''));
  const sum = toMicros(a) + toMicros(b);
  const digits = sum.toString().padStart(7, '0');
  return `${digits.slice(0, -6)}.${digits.slice(-6)}`;
}
