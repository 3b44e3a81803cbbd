// Risk-limit tiers at their edges (ADR 0310, docs/reference/kucoin-futures.md#risk-limits): the tier whose range holds the
// resulting position value decides the maintenance margin rate (and so the liquidation estimate)
// and the leverage cap; `maxRiskLimit` is inclusive.
import { describe, expect, it } from 'vitest';
import { dec, format } from '../../../shared/domain/decimal.ts';
import { maintenanceRateFor } from '../liquidation/liquidation-watch.ts';
import { tiersFromWire } from '../wire-map.ts';
import { evaluateOrder } from './engine.ts';
import { ctxOf, xbtContract, type CtxPatch } from './fixtures.test-support.ts';
import { prepareContract, tierFor } from './prepared.ts';

const xbt = prepareContract(xbtContract);
const levelOf = (value: string): number | 'beyond-top-tier' => {
  const tier = tierFor(xbt, dec(value));
  return tier === 'beyond-top-tier' ? tier : xbt.tiers.indexOf(tier) + 1;
};

/** A large account and limits, so only the tier decides; long limit @ 100 000 (value = lots × 100). */
function bigOrder(sizeLots: number, leverage: number, stopPrice = '95000'): CtxPatch {
  return {
    risk: {
      userMaxLeverage: 125,
      maxRiskPerTradePct: 100,
      maxAccountExposureUsdt: '1000000000',
      contractLimits: { maxPositionLots: 1_000_000, maxPositionNotionalUsdt: '1000000000' },
    },
    equity: '1000000000',
    available: '1000000000',
    markPrice: '100000',
    order: { sizeLots, leverage, price: '100000', stopPrice },
  };
}

describe('tierFor: maxRiskLimit is inclusive', () => {
  it.each([
    ['0', 1],
    ['100000', 1],
    ['100000.01', 2],
    ['500000', 2],
    ['500000.01', 3],
    ['1000000', 3],
    ['1000000.01', 'beyond-top-tier'],
  ] as const)('position value %s → tier %s', (value, expected) => {
    expect(levelOf(value)).toBe(expected);
  });
});

describe('risk engine uses the tier of the resulting position value', () => {
  // long 10× @ 100 000: LP = 90 000 / (1 − MMR − 0.0006), rounded up to the tick
  it.each([
    ['1000 lots = 100 000 USDT: tier 1, MMR 0.4 %', 1000, '90416'],
    ['1001 lots = 100 100 USDT: tier 2, MMR 0.5 %', 1001, '90506.9'],
    ['5000 lots = 500 000 USDT: tier 2', 5000, '90506.9'],
    ['5001 lots = 500 100 USDT: tier 3, MMR 0.7 %', 5001, '90689.3'],
  ] as const)('%s → liquidation %s', (_name, lots, liquidation) => {
    const preview = evaluateOrder(ctxOf(bigOrder(lots, 10)));
    expect(preview.verdict).toBe('allow');
    expect(preview.liquidationPrice).toBe(liquidation);
  });

  it('an add that lifts the position into the next tier is estimated with that tier', () => {
    const patch = bigOrder(1, 10);
    const preview = evaluateOrder(
      ctxOf({ ...patch, position: { side: 'long', sizeLots: 1000, avgEntryPrice: dec('100000') } }),
    );
    expect(preview.liquidationPrice).toBe('90506.9');
  });

  it('the leverage cap is the tier’s: 125× in tier 1, 100× one lot into tier 2', () => {
    // a stop close to the entry: at 100×+ the liquidation is < 0.5 % away
    expect(evaluateOrder(ctxOf(bigOrder(1000, 125, '99900'))).verdict).toBe('allow');
    expect(evaluateOrder(ctxOf(bigOrder(1000, 126, '99900'))).denial?.ruleId).toBe('leverage');
    const denied = evaluateOrder(ctxOf(bigOrder(1001, 101, '99900')));
    expect(denied.denial?.ruleId).toBe('leverage');
    expect(denied.denial?.numbers).toMatchObject({ maxLeverage: 100 });
    expect(evaluateOrder(ctxOf(bigOrder(1001, 100, '99900'))).verdict).toBe('allow');
  });

  it('beyond the top tier an entry is denied as a position limit', () => {
    const denied = evaluateOrder(ctxOf(bigOrder(10_001, 10)));
    expect(denied.denial?.ruleId).toBe('position-limit');
  });

  it('without known tiers the contract’s own rate stands in as one unbounded tier', () => {
    const preview = evaluateOrder(ctxOf({ ...bigOrder(5001, 10), contract: { riskLimitTiers: [] } }));
    expect(preview.verdict).toBe('allow');
    expect(preview.liquidationPrice).toBe('90416');
  });
});

describe('liquidation watch: MMR of the tier holding the position value', () => {
  it.each([
    ['100000', '0.004'],
    ['100000.1', '0.005'],
    ['1000000', '0.007'],
    ['2000000', '0.007'],
  ] as const)('value %s → MMR %s (top tier beyond the table)', (value, mmr) => {
    expect(format(maintenanceRateFor(xbt, dec(value)))).toBe(mmr);
  });
});

describe('tiersFromWire', () => {
  it('maps KuCoin levels to tiers ascending by level', () => {
    const wire = [
      {
        symbol: 'XBTUSDTM',
        level: 2,
        minRiskLimit: '100000',
        maxRiskLimit: '500000',
        maxLeverage: 100,
        initialMargin: '0.01',
        maintainMargin: '0.005',
      },
      {
        symbol: 'XBTUSDTM',
        level: 1,
        minRiskLimit: '0',
        maxRiskLimit: '100000',
        maxLeverage: 125,
        initialMargin: '0.008',
        maintainMargin: '0.004',
      },
    ];
    expect(tiersFromWire(wire)).toEqual([
      {
        level: 1,
        maxRiskLimit: '100000',
        maxLeverage: 125,
        initialMarginRate: '0.008',
        maintenanceMarginRate: '0.004',
      },
      {
        level: 2,
        maxRiskLimit: '500000',
        maxLeverage: 100,
        initialMarginRate: '0.01',
        maintenanceMarginRate: '0.005',
      },
    ]);
  });
});
