import { PassThrough } from 'node:stream';
import { runCalculator } from './run-calculator';

const SETTINGS = {
  thresholds: { minNetProfitE6: 50_000, minNetPerContractE6: 5_000, minReturnBps: 25 },
  memberPrecision: 'cent' as const,
};

async function run(argv: string[], answers: string[] = []) {
  const input = new PassThrough();
  const output = new PassThrough();
  const errors = new PassThrough();
  let out = '';
  let err = '';
  output.on('data', (chunk: Buffer) => (out += chunk.toString()));
  errors.on('data', (chunk: Buffer) => (err += chunk.toString()));
  input.end(answers.map((answer) => `${answer}\n`).join(''));
  const code = await runCalculator(argv, SETTINGS, { input, output, errors });
  return { code, out, err };
}

describe('npm run calc with flags', () => {
  it('ladder: buy YES @ $0.25 + buy NO @ $0.70 x 100 prints each leg, its fee, payout, net $2.21 and the threshold verdict', async () => {
    const { code, out } = await run([
      '--kind',
      'ladder',
      '--leg',
      'buy yes 0.25',
      '--leg',
      'buy no 0.70',
      '--count',
      '100',
      '--fee-multiplier',
      '1',
    ]);
    expect(code).toBe(0);
    expect(out).toContain(
      'LADDER_INVERSION, 100.00 contracts on every leg; fees quadratic x1.0000; cent member',
    );
    expect(out).toMatch(/1\s+leg1\s+YES\s+0\.2500\s+100\.00\s+25\.000000\s+1\.312500\s+26\.320000/);
    expect(out).toMatch(/2\s+leg2\s+NO\s+0\.7000\s+100\.00\s+70\.000000\s+1\.470000\s+71\.470000/);
    expect(out).toMatch(/paid \(cost \+ fees\)\s+97\.790000/);
    expect(out).toMatch(/guaranteed payout\s+100\.000000/);
    expect(out).toMatch(/net profit \(worst outcome\)\s+2\.210000/);
    expect(out).toMatch(/return on capital\s+2\.25%/);
    expect(out).toContain('CLEARS the configured thresholds');
  });

  it('--json prints the calculateArbitrage shape', async () => {
    const { code, out } = await run([
      '--kind=partition-yes',
      '--leg=yes 0.20',
      '--leg=yes 0.25',
      '--leg=yes 0.22',
      '--leg=yes 0.18',
      '--count=10',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      kind: 'PARTITION_BUY_YES',
      netProfit: '1.000000',
      guaranteedPayout: '10.000000',
      clearsThresholds: true,
    });
  });

  it('a losing trade is printed and marked as not clearing the thresholds', async () => {
    const { code, out } = await run([
      '--kind',
      'ladder',
      '--leg',
      'buy yes 0.25',
      '--leg',
      'buy no 0.74',
      '--count',
      '10',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/net profit \(worst outcome\)\s+-0\.\d{6}/);
    expect(out).toContain('does NOT clear the configured thresholds');
  });

  it("an off-grid price exits 2 with the calculator's message", async () => {
    const { code, err } = await run([
      '--kind',
      'ladder',
      '--leg',
      'buy yes 0.255',
      '--leg',
      'buy no 0.70',
    ]);
    expect(code).toBe(2);
    expect(err).toMatch(
      /PRICE_OFF_GRID.*legs\[0\]\.price 0\.255 is not on the market's price grid/,
    );
  });

  it('bad flags exit 2 and name each problem', async () => {
    const { code, err } = await run(['--leg', 'sell maybe', '--count']);
    expect(code).toBe(2);
    expect(err).toContain('--count needs a value');
    expect(err).toContain('--leg "sell maybe" must look like "buy yes 0.25"');
    expect(err).toContain('--kind is required');
  });
});

describe('npm run calc interactively', () => {
  it('asks for the kind, the options and prices, and prints the same report', async () => {
    const { code, out } = await run(
      [],
      ['partition-no', '4', '0.70', '0.65', '0.75', '0.80', '10', '', '', '', 'y'],
    );
    expect(code).toBe(0);
    expect(out).toContain('Kind: ladder, partition-no or partition-yes [ladder]: ');
    expect(out).toContain('Option 4: buy NO, price: ');
    // NO at $0.70, $0.65, $0.75, $0.80 x 10: cent debits $29.57 against $30.
    expect(out).toMatch(/net profit \(worst outcome\)\s+0\.430000/);
    expect(out).toMatch(/best case profit\s+0\.430000/);
  });

  it('asks again for a price the grid rejects, then prices the corrected legs', async () => {
    const { code, out } = await run([], ['ladder', '0.255', '0.70', '100', '', '', '', '0.25']);
    expect(code).toBe(0);
    expect(out).toContain("legs[0].price 0.255 is not on the market's price grid");
    expect(out).toMatch(/net profit \(worst outcome\)\s+2\.210000/);
  });

  it('stops with exit code 1 when the input ends early', async () => {
    const { code, err } = await run([], ['ladder', '0.25']);
    expect(code).toBe(1);
    expect(err).toContain('the input ended before every question was answered');
  });
});
