import { formatLogLine } from './pretty-log-stream';

describe('formatLogLine', () => {
  it('turns a pino line into a readable one with its extra fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 10, 29, 19, 12, 57, 698),
      service: 'kalshi-arb',
      context: 'Arbitrage',
      msg: 'OPEN LADDER_INVERSION',
      netProfit: '1.2340',
    });
    expect(formatLogLine(line)).toBe(
      '19:12:57.698 INFO  [Arbitrage] OPEN LADDER_INVERSION  netProfit=1.2340',
    );
  });

  it('passes through a line that is not JSON', () => {
    expect(formatLogLine('plain text')).toBe('plain text');
  });
});
