// Risk-limit tiers from the venue reach the risk engine (ADR 0310): the preview's liquidation
// estimate and leverage cap come from the tier holding the resulting position value, and the
// tiers are read once per contract, then served from the contract cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '../../../src/shared/errors.ts';
import type { OrderTicket } from '../../../src/shared/ipc/channels/trading.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf({
  ...fastTrading,
  venue: { startingBalanceUsdt: '10000000' },
  trading: {
    ...fastTrading.trading,
    risk: {
      userMaxLeverage: 125,
      maxRiskPerTradePct: 100,
      maxAccountExposureUsdt: '100000000',
      contractLimits: { maxPositionLots: 1_000_000, maxPositionNotionalUsdt: '100000000' },
    },
  },
});

/** A limit buy @ 90 000: value = lots × 90 USDT, so 1111 lots = 99 990 (tier 1), 1112 = 100 080 (tier 2). */
const ticket = (sizeLots: number, leverage: number, stopPrice: string): OrderTicket => ({
  symbol,
  side: 'buy',
  type: 'limit',
  price: '90000',
  sizeLots,
  leverage,
  stopPrice,
});

describe('risk-limit tiers against the paper venue', () => {
  let venue: RunningVenue;
  let engine: Engine;

  beforeAll(async () => {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('tiers')}/journal.db`);
  });

  afterAll(async () => {
    await engine.stop();
    await venue.stop();
  });

  it('the liquidation estimate uses the MMR of the tier the position value falls in', async () => {
    // long 10× @ 90 000: LP = 81 000 / (1 − MMR − 0.0006), rounded up to the tick
    const tier1 = await engine.service.previewOrder(ticket(1111, 10, '85000'));
    const tier2 = await engine.service.previewOrder(ticket(1112, 10, '85000'));
    expect(tier1).toMatchObject({ verdict: 'allow', liquidationPrice: '81374.4' });
    expect(tier2).toMatchObject({ verdict: 'allow', liquidationPrice: '81456.2' });
  });

  it('the leverage cap is the tier’s: 101× is fine in tier 1 and refused one lot into tier 2', async () => {
    expect((await engine.service.previewOrder(ticket(1111, 101, '89800'))).verdict).toBe('allow');
    const denied = await engine.service.previewOrder(ticket(1112, 101, '89800'));
    expect(denied.denial?.ruleId).toBe('leverage');
    expect(denied.denial?.numbers).toMatchObject({ maxLeverage: 100 });
  });

  it('the tiers were read once for the contract and then cached', () => {
    expect(venue.admin.requestCount({ path: `/api/v1/contracts/risk-limit/${symbol}` })).toBe(1);
  });
});

describe('risk-limit tiers unreadable', () => {
  const strict = configOf({ ...config, exchange: { rest: { getRetryMaxAttempts: 0 } } });
  let venue: RunningVenue;
  let engine: Engine;

  beforeAll(async () => {
    venue = await venueFor(strict);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(strict, venue, `${tempDir('tiers-down')}/journal.db`);
  });

  afterAll(async () => {
    await engine.stop();
    await venue.stop();
  });

  it('an entry is refused with the client error and nothing is sent; it goes through once the tiers can be read', async () => {
    const fault = venue.admin.addFault({
      kind: 'server-error',
      httpStatus: 503,
      path: '/api/v1/contracts/risk-limit/*',
    });
    const small = ticket(1, 5, '88000');
    expect(await engine.service.placeOrder(small).catch((error: unknown) => error)).toBeInstanceOf(
      NetworkError,
    );
    expect(
      venue.admin.requestCount({ path: '/api/v1/st-orders', method: 'POST' }) +
        venue.admin.requestCount({ path: '/api/v1/orders', method: 'POST' }),
    ).toBe(0);
    venue.admin.removeFault(fault);
    const placed = await engine.service.placeOrder(small);
    expect(placed.preview.verdict).toBe('allow');
    expect(venue.admin.requestCount({ path: `/api/v1/contracts/risk-limit/${symbol}` })).toBe(2);
  });
});
