// GET /api/v1/contracts/risk-limit/{symbol} (docs/reference/kucoin-futures.md#risk-limits) against the paper venue: the tiers arrive
// zod-parsed with decimal strings, ascending, for the asked symbol; an unknown symbol is an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TradingError } from '../../../src/shared/errors.ts';
import { rejectionOf, startRig, type ClientRig } from './harness.ts';

let rig: ClientRig;

beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig.stop();
});

describe('risk-limit levels', () => {
  it('XBTUSDTM: the reference table, ascending, inclusive upper limits as decimal strings', async () => {
    const levels = await rig.client.rest.getRiskLimitLevels('XBTUSDTM');
    expect(levels.length).toBeGreaterThanOrEqual(3);
    expect(levels.slice(0, 2)).toMatchObject([
      {
        symbol: 'XBTUSDTM',
        level: 1,
        minRiskLimit: '0',
        maxRiskLimit: '100000',
        maxLeverage: 125,
        initialMargin: '0.008',
        maintainMargin: '0.004',
      },
      {
        symbol: 'XBTUSDTM',
        level: 2,
        minRiskLimit: '100000',
        maxRiskLimit: '500000',
        maxLeverage: 100,
        initialMargin: '0.01',
        maintainMargin: '0.005',
      },
    ]);
    for (let i = 1; i < levels.length; i += 1) {
      expect(Number(levels[i]?.maxRiskLimit)).toBeGreaterThan(Number(levels[i - 1]?.maxRiskLimit));
      expect(levels[i]?.maxLeverage).toBeLessThanOrEqual(levels[i - 1]?.maxLeverage ?? 0);
    }
    expect(rig.venue.admin.requestCount({ path: '/api/v1/contracts/risk-limit/XBTUSDTM' })).toBe(1);
  });

  it('each contract gets its own table', async () => {
    const eth = await rig.client.rest.getRiskLimitLevels('ETHUSDTM');
    expect(eth[0]).toMatchObject({ symbol: 'ETHUSDTM', level: 1, maxLeverage: 100, maintainMargin: '0.005' });
  });

  it('an unknown contract is refused with a TradingError', async () => {
    expect(await rejectionOf(rig.client.rest.getRiskLimitLevels('NOPEUSDTM'))).toBeInstanceOf(TradingError);
  });
});
