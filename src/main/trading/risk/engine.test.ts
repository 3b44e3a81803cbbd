import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RiskRejectedError } from '../../../shared/errors.ts';
import { dec } from '../../../shared/domain/decimal.ts';
import { assertOrderAllowed, evaluateOrder } from './engine.ts';
import { ctxOf, type CtxPatch } from './fixtures.test-support.ts';

function ruleOf(patch: CtxPatch): string {
  try {
    assertOrderAllowed(ctxOf(patch));
    return 'allow';
  } catch (error) {
    if (error instanceof RiskRejectedError) return error.ruleId;
    throw error;
  }
}

const longFive = { side: 'long' as const, sizeLots: 5, avgEntryPrice: dec('90000') };

describe('risk engine: each rule at its allow and deny edge', () => {
  it('the base order is allowed, with the expected numbers', () => {
    const preview = assertOrderAllowed(ctxOf());
    expect(preview).toMatchObject({
      notional: '900.00',
      marginNeeded: '90.00',
      fees: '1.0740',
      lossAtStop: '11.07',
      liquidationPrice: '81374.4',
    });
  });

  it('a take-profit adds its profit (net of both fees) and the reward-to-risk ratio to the preview', () => {
    // 10 lots × 0.001 × (92000 − 90000) = 20; fees 0.54 in + 0.552 out → 18.908; ÷ 11.074 at the stop.
    const preview = assertOrderAllowed(ctxOf({ order: { takeProfitPrice: '92000' } }));
    expect(preview).toMatchObject({ profitAtTakeProfit: '18.91', rewardToRisk: '1.70', lossAtStop: '11.07' });
    expect(assertOrderAllowed(ctxOf())).not.toHaveProperty('rewardToRisk');
  });

  it('a wrong-side take-profit is denied with what to do', () => {
    const preview = evaluateOrder(ctxOf({ order: { takeProfitPrice: '89500' } }));
    expect(preview.verdict).toBe('deny');
    expect(preview.denial?.message).toBe(
      'take-profit 89500 must be above 90000 for a long: move it to the profit side or leave it empty',
    );
  });

  it.each<[string, CtxPatch, string]>([
    ['trading-state: ACTIVE allows an entry', { state: 'ACTIVE' }, 'allow'],
    ['trading-state: REDUCING denies an entry', { state: 'REDUCING' }, 'trading-state'],
    ['trading-state: HALTED denies an entry', { state: 'HALTED' }, 'trading-state'],
    [
      'trading-state: REDUCING allows a reduce-only close',
      {
        state: 'REDUCING',
        position: longFive,
        order: {
          side: 'sell',
          type: 'market',
          price: undefined,
          stopPrice: undefined,
          reduceOnly: true,
          sizeLots: 5,
        },
      },
      'allow',
    ],
    ['contract-tradable: unknown contract', { contract: null }, 'contract-tradable'],
    ['contract-tradable: paused contract', { contract: { status: 'Paused' } }, 'contract-tradable'],
    ['order-shape: market order with a price', { order: { type: 'market' } }, 'order-shape'],
    ['order-shape: limit order without a price', { order: { price: undefined } }, 'order-shape'],
    [
      'order-shape: market order without a price is fine',
      { order: { type: 'market', price: undefined } },
      'allow',
    ],
    [
      'order-shape: an entry against the open position',
      { position: longFive, order: { side: 'sell', stopPrice: '91000' } },
      'order-shape',
    ],
    ['stop-required: entry without a stop', { order: { stopPrice: undefined } }, 'stop-required'],
    ['lot-size: a multiple of the lot size', { contract: { lotSize: 5 }, order: { sizeLots: 10 } }, 'allow'],
    ['lot-size: not a multiple', { contract: { lotSize: 5 }, order: { sizeLots: 12 } }, 'lot-size'],
    ['order-size-limits: exactly the max per order', { contract: { maxOrderQtyLots: 10 } }, 'allow'],
    ['order-size-limits: one lot over', { contract: { maxOrderQtyLots: 9 } }, 'order-size-limits'],
    ['tick-size: price on the tick', { order: { price: '90000.1' } }, 'allow'],
    ['tick-size: price off the tick', { order: { price: '90000.15' } }, 'tick-size'],
    ['tick-size: stop off the tick', { order: { stopPrice: '89000.05' } }, 'tick-size'],
    ['tick-size: price above maxPrice', { contract: { maxPrice: '89999.9' } }, 'tick-size'],
    ['price-band: buy exactly +5 % from mark', { order: { price: '94500' } }, 'allow'],
    ['price-band: one tick beyond +5 %', { order: { price: '94500.1' } }, 'price-band'],
    ['price-band: exactly −5 %', { order: { price: '85500', stopPrice: '85000' } }, 'allow'],
    ['price-band: one tick beyond −5 %', { order: { price: '85499.9', stopPrice: '85000' } }, 'price-band'],
    ['leverage: exactly the user cap', { order: { leverage: 20 } }, 'allow'],
    ['leverage: one above the user cap', { order: { leverage: 21 } }, 'leverage'],
    [
      'leverage: contract cap below the user cap',
      { contract: { maxLeverage: 15 }, order: { leverage: 16 } },
      'leverage',
    ],
    ['leverage: 0', { order: { leverage: 0 } }, 'leverage'],
    ['stop-side: long stop one tick below entry', { order: { stopPrice: '89999.9' } }, 'allow'],
    ['stop-side: long stop at entry', { order: { stopPrice: '90000' } }, 'stop-side'],
    [
      'stop-side: long stop above mark when the limit is above mark',
      { markPrice: '89950', order: { stopPrice: '89960' } },
      'stop-side',
    ],
    [
      'stop-side: short stop one tick above entry',
      { order: { side: 'sell', stopPrice: '90000.1' } },
      'allow',
    ],
    ['stop-side: short stop at entry', { order: { side: 'sell', stopPrice: '90000' } }, 'stop-side'],
    ['take-profit-side: long one tick above entry', { order: { takeProfitPrice: '90000.1' } }, 'allow'],
    ['take-profit-side: long at entry', { order: { takeProfitPrice: '90000' } }, 'take-profit-side'],
    [
      'take-profit-side: long between the limit and a higher mark',
      { markPrice: '90050', order: { takeProfitPrice: '90010' } },
      'take-profit-side',
    ],
    [
      'take-profit-side: short one tick below entry',
      { order: { side: 'sell', stopPrice: '91000', takeProfitPrice: '89999.9' } },
      'allow',
    ],
    [
      'take-profit-side: short above entry',
      { order: { side: 'sell', stopPrice: '91000', takeProfitPrice: '90500' } },
      'take-profit-side',
    ],
    ['tick-size: take-profit off the tick', { order: { takeProfitPrice: '95000.05' } }, 'tick-size'],
    ['order-shape: take-profit not a decimal', { order: { takeProfitPrice: '9e4' } }, 'order-shape'],
    // lev 10 long @ 90000: LP = 81374.4, safe limit = 81374.4 + 10 % × 8625.6 = 82236.96
    ['stop-vs-liquidation: stop just inside the buffer', { order: { stopPrice: '82237' } }, 'allow'],
    ['stop-vs-liquidation: stop one tick beyond', { order: { stopPrice: '82236.9' } }, 'stop-vs-liquidation'],
    // short lev 10 @ 90000: LP = 90000·1.1/1.0046 = 98546.67… → 98546.6; limit = 98546.6 − 854.66 = 97691.94
    [
      'stop-vs-liquidation: short stop just inside',
      { order: { side: 'sell', stopPrice: '97691.9' } },
      'allow',
    ],
    [
      'stop-vs-liquidation: short stop one tick beyond',
      { order: { side: 'sell', stopPrice: '97692' } },
      'stop-vs-liquidation',
    ],
    // IM 90 + fees 0.54 + 0.534 = 91.074
    ['margin-available: exactly enough', { available: '91.074' }, 'allow'],
    ['margin-available: short by 1e-8', { available: '91.07399999' }, 'margin-available'],
    [
      'position-limit: exactly the max lots incl. the position',
      {
        risk: { contractLimits: { maxPositionLots: 15, maxPositionNotionalUsdt: '50000' } },
        position: longFive,
      },
      'allow',
    ],
    [
      'position-limit: one lot over',
      {
        risk: { contractLimits: { maxPositionLots: 14, maxPositionNotionalUsdt: '50000' } },
        position: longFive,
      },
      'position-limit',
    ],
    [
      'position-limit: per-contract override',
      { risk: { perContractLimits: { XBTUSDTM: { maxPositionLots: 9, maxPositionNotionalUsdt: '50000' } } } },
      'position-limit',
    ],
    [
      'position-limit: beyond the top risk tier',
      {
        risk: { contractLimits: { maxPositionLots: 1e6, maxPositionNotionalUsdt: '1000000000' } },
        available: '1000000000',
        equity: '1000000000',
        order: { sizeLots: 12000 },
      },
      'position-limit',
    ],
    [
      'leverage: risk tier 2 caps at 100× (value 180 000)',
      {
        risk: {
          userMaxLeverage: 125,
          maxAccountExposureUsdt: '1000000',
          contractLimits: { maxPositionLots: 1e6, maxPositionNotionalUsdt: '1000000' },
        },
        available: '1000000',
        equity: '1000000',
        order: { sizeLots: 2000, leverage: 101, stopPrice: '89900' },
      },
      'leverage',
    ],
    [
      'notional-limit: exactly the max value',
      { risk: { contractLimits: { maxPositionLots: 100, maxPositionNotionalUsdt: '900' } } },
      'allow',
    ],
    [
      'notional-limit: one cent over',
      { risk: { contractLimits: { maxPositionLots: 100, maxPositionNotionalUsdt: '899.99' } } },
      'notional-limit',
    ],
    ['account-exposure: exactly the limit', { exposure: '99100' }, 'allow'],
    ['account-exposure: one cent over', { exposure: '99100.01' }, 'account-exposure'],
    // loss at stop 11.074 = 0.11074 % of 10 000
    ['risk-per-trade: exactly the max', { risk: { maxRiskPerTradePct: 0.11074 } }, 'allow'],
    ['risk-per-trade: just over', { risk: { maxRiskPerTradePct: 0.11073 } }, 'risk-per-trade'],
    ['order-rate: the last order allowed this minute', { ordersInLastMinute: 29 }, 'allow'],
    ['order-rate: one over', { ordersInLastMinute: 30 }, 'order-rate'],
    [
      'order-rate: a reduce-only close is never capped',
      {
        ordersInLastMinute: 30,
        position: longFive,
        order: {
          side: 'sell',
          type: 'market',
          price: undefined,
          stopPrice: undefined,
          reduceOnly: true,
          sizeLots: 5,
        },
      },
      'allow',
    ],
    [
      'reduce-only: a stop trigger off the tick',
      {
        position: longFive,
        order: {
          side: 'sell',
          type: 'market',
          price: undefined,
          stopPrice: '88000.05',
          reduceOnly: true,
          sizeLots: 5,
        },
      },
      'tick-size',
    ],
    [
      'reduce-only: size equal to the position',
      {
        position: longFive,
        order: {
          side: 'sell',
          type: 'market',
          price: undefined,
          stopPrice: undefined,
          reduceOnly: true,
          sizeLots: 5,
        },
      },
      'allow',
    ],
    [
      'reduce-only: larger than the position',
      {
        position: longFive,
        order: {
          side: 'sell',
          type: 'market',
          price: undefined,
          stopPrice: undefined,
          reduceOnly: true,
          sizeLots: 6,
        },
      },
      'reduce-only',
    ],
    [
      'reduce-only: no position to reduce',
      {
        order: {
          side: 'sell',
          type: 'market',
          price: undefined,
          stopPrice: undefined,
          reduceOnly: true,
          sizeLots: 1,
        },
      },
      'reduce-only',
    ],
  ])('%s', (_name, patch, expected) => {
    expect(ruleOf(patch)).toBe(expected);
  });

  it('says the numbers in the denial message and details', () => {
    const preview = evaluateOrder(ctxOf({ available: '80' }));
    expect(preview.verdict).toBe('deny');
    expect(preview.denial?.message).toBe('margin needed 91.07 USDT > available 80.00 USDT');
    expect(preview.denial?.numbers).toMatchObject({ marginNeeded: '91.07', available: '80.00' });
    expect(preview.marginNeeded).toBe('90.00');
  });
});

describe('risk engine: properties', () => {
  const patchArb = fc.record({
    side: fc.constantFrom('buy' as const, 'sell' as const),
    sizeLots: fc.integer({ min: 1, max: 5000 }),
    leverage: fc.integer({ min: 1, max: 30 }),
    priceTicks: fc.integer({ min: 800_000, max: 1_000_000 }),
    stopOffsetTicks: fc.integer({ min: -30_000, max: 30_000 }),
    available: fc.integer({ min: 0, max: 20_000 }),
    ordersInLastMinute: fc.integer({ min: 0, max: 40 }),
  });

  it('an allowed order always satisfies margin, risk, stop-side and limits', () => {
    fc.assert(
      fc.property(patchArb, (p) => {
        const price = (p.priceTicks / 10).toFixed(1);
        const stop = ((p.priceTicks + p.stopOffsetTicks) / 10).toFixed(1);
        const ctx = ctxOf({
          available: String(p.available),
          ordersInLastMinute: p.ordersInLastMinute,
          order: { side: p.side, sizeLots: p.sizeLots, leverage: p.leverage, price, stopPrice: stop },
        });
        const preview = evaluateOrder(ctx);
        if (preview.verdict === 'deny') {
          expect(() => assertOrderAllowed(ctx)).toThrow(RiskRejectedError);
          return;
        }
        const long = p.side === 'buy';
        expect(long ? Number(stop) < Number(price) : Number(stop) > Number(price)).toBe(true);
        expect(Number(preview.marginNeeded) + Number(preview.fees)).toBeLessThanOrEqual(p.available + 0.01);
        expect(Number(preview.lossAtStop)).toBeLessThanOrEqual(200.005);
        expect(
          long
            ? Number(stop) > Number(preview.liquidationPrice)
            : Number(stop) < Number(preview.liquidationPrice),
        ).toBe(true);
        expect(p.ordersInLastMinute).toBeLessThan(30);
        expect(Number(preview.notional)).toBeLessThanOrEqual(50_000);
      }),
      { numRuns: 500 },
    );
  });

  it('more available margin never turns an allow into a deny', () => {
    fc.assert(
      fc.property(patchArb, fc.integer({ min: 0, max: 10_000 }), (p, extra) => {
        const order = {
          side: p.side,
          sizeLots: p.sizeLots,
          leverage: p.leverage,
          price: (p.priceTicks / 10).toFixed(1),
          stopPrice: ((p.priceTicks + p.stopOffsetTicks) / 10).toFixed(1),
        };
        const before = evaluateOrder(ctxOf({ available: String(p.available), order }));
        const after = evaluateOrder(ctxOf({ available: String(p.available + extra), order }));
        if (before.verdict === 'allow') expect(after.verdict).toBe('allow');
      }),
      { numRuns: 300 },
    );
  });

  // The estimate is checked against an independent implementation — the venue's own liquidation
  // price — in tests/integration/safety/money.test.ts; here only what must hold for any input.
  it('the liquidation estimate lies on the far side of the entry, closer with more leverage (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 99 }),
        fc.integer({ min: 100_000, max: 1_000_000 }),
        fc.boolean(),
        (leverage, ticks, long) => {
          const price = (ticks / 10).toFixed(1);
          const at = (lev: number) =>
            Number(
              evaluateOrder(
                ctxOf({
                  markPrice: price,
                  order: { side: long ? 'buy' : 'sell', price, leverage: lev, sizeLots: 1, stopPrice: price },
                }),
              ).liquidationPrice,
            );
          const entry = ticks / 10;
          expect(long ? at(leverage) < entry : at(leverage) > entry).toBe(true);
          expect(long ? at(leverage + 1) >= at(leverage) : at(leverage + 1) <= at(leverage)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('risk engine: rules of the safety issue', () => {
  const ruleOf = (patch: Parameters<typeof ctxOf>[0]): string =>
    evaluateOrder(ctxOf(patch)).denial?.ruleId ?? 'allow';

  it('refuses an entry on a mark older than maxReferencePriceAgeMs, at the edge and past it', () => {
    expect(ruleOf({ referenceAgeMs: 15_000 })).toBe('allow');
    expect(ruleOf({ referenceAgeMs: 15_001 })).toBe('stale-price');
    expect(evaluateOrder(ctxOf({ referenceAgeMs: 20_000 })).denial?.message).toMatch(
      /mark price is 20\.0 s old \(limit 15\.0 s\)/,
    );
  });

  it('counts pending entries as filled: 6 lots pending + 10 fits 16 lots, not 15', () => {
    const pending = { lots: 6, priceTimesLots: '540000' };
    expect(
      ruleOf({
        risk: { contractLimits: { maxPositionLots: 16, maxPositionNotionalUsdt: '50000' } },
        pending,
      }),
    ).toBe('allow');
    expect(
      ruleOf({
        risk: { contractLimits: { maxPositionLots: 15, maxPositionNotionalUsdt: '50000' } },
        pending,
      }),
    ).toBe('position-limit');
  });

  it('a reduce-only order passes with the contract unknown, or not Open, and in any trading state', () => {
    const close = {
      order: {
        side: 'sell' as const,
        type: 'market' as const,
        price: undefined,
        stopPrice: undefined,
        reduceOnly: true,
      },
      position: { side: 'long' as const, sizeLots: 10, avgEntryPrice: dec('90000') },
    };
    expect(ruleOf({ ...close, contract: null })).toBe('allow');
    expect(ruleOf({ ...close, contract: { status: 'Paused' }, state: 'HALTED' })).toBe('allow');
    expect(ruleOf({ ...close, order: { ...close.order, sizeLots: 11 } })).toBe('reduce-only');
  });

  it('the against-verdict objection refuses an entry with its numbers, never a reduce-only order', () => {
    const againstVerdict = {
      message: 'Entering long against the 4h downtrend, verdict −0.71',
      numbers: { verdict: -0.71 },
    };
    const denied = evaluateOrder(ctxOf({ againstVerdict }));
    expect(denied.denial).toMatchObject({ ruleId: 'against-verdict', numbers: { verdict: -0.71 } });
  });

  it('cross margin: margin at max(1/leverage, MMR × f) and a liquidation estimate from the account margin ratio', () => {
    const cross = { m: '300', mmrLevConstant: '125', f: '1.3', mmrLimit: '0.3' };
    // 10 lots × 0.001 × 90 000 = 900 USDT at 10×; n = 0.01 BTC → MMR = (1 + 0.01/300)/250 ≈ 0.0040001; IMR = max(0.1, 0.0052) = 0.1.
    // AMR = 10 000 / 900 = 11.1 > 1: a long this small cannot be liquidated (estimate 0).
    const small = evaluateOrder(ctxOf({ marginMode: 'CROSS', contract: { crossMargin: cross } }));
    expect(small).toMatchObject({ verdict: 'allow', marginNeeded: '90.00', liquidationPrice: '0' });
    // With 500 USDT shared margin: AMR = 500/900; long LP = 90 000 × (1 − 0.5556) / (1 − 0.0040001 − 0.0006) ≈ 40 179.
    const tight = evaluateOrder(
      ctxOf({
        marginMode: 'CROSS',
        contract: { crossMargin: cross },
        cross: { totalMargin: '500', otherValue: '0' },
        order: { stopPrice: '60000' },
      }),
    );
    expect(Number(tight.liquidationPrice)).toBeGreaterThan(40_150);
    expect(Number(tight.liquidationPrice)).toBeLessThan(40_200);
  });
});
