import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { arbitrageSettings } from './arbitrage-settings';

describe('arbitrage settings from the environment (ARB_*)', () => {
  it('has defaults: $0.05 net, $0.005 per contract, 0.25% return, 1000 contracts, cent members', () => {
    const settings = arbitrageSettings(loadConfig([], {}));
    expect(settings).toMatchObject({
      thresholds: { minNetProfitE6: 50_000, minNetPerContractE6: 5_000, minReturnBps: 25 },
      maxCountE2: 100_000,
      memberPrecision: 'cent',
      flushIntervalMs: 1000,
    });
    expect([...settings.overrides.exhaustive]).toEqual([]);
  });

  it('reads exact values and event lists', () => {
    const settings = arbitrageSettings(
      loadConfig([], {
        ARB_MIN_NET_PROFIT: '1.2345',
        ARB_MIN_NET_PER_CONTRACT: '0.0001',
        ARB_MIN_RETURN_PERCENT: '1.5',
        ARB_MAX_CONTRACTS: '12.5',
        ARB_MEMBER_PRECISION: 'centicent',
        ARB_EXHAUSTIVE_EVENTS: 'KXA-1, KXB-2',
        ARB_NOT_EXHAUSTIVE_EVENTS: 'KXC-3',
      }),
    );
    expect(settings).toMatchObject({
      thresholds: { minNetProfitE6: 1_234_500, minNetPerContractE6: 100, minReturnBps: 150 },
      maxCountE2: 1250,
      memberPrecision: 'centicent',
    });
    expect([...settings.overrides.exhaustive]).toEqual(['KXA-1', 'KXB-2']);
    expect([...settings.overrides.notExhaustive]).toEqual(['KXC-3']);
  });

  it('names every bad key at once', () => {
    let error: unknown;
    try {
      loadConfig([], {
        ARB_MIN_NET_PROFIT: '-1',
        ARB_MIN_RETURN_PERCENT: '0.123',
        ARB_MAX_CONTRACTS: '0',
        ARB_MEMBER_PRECISION: 'dollar',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ARB_MIN_NET_PROFIT must be a dollar amount/),
        expect.stringMatching(/^ARB_MIN_RETURN_PERCENT must be a percentage/),
        expect.stringMatching(/^ARB_MAX_CONTRACTS must be a contract count/),
        expect.stringMatching(/^ARB_MEMBER_PRECISION must be one of cent, centicent/),
      ]),
    );
  });
});
