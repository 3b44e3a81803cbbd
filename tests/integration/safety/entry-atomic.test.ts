// An entry is one atomic decision (issue item 5): the symbol's stop changes only once the exchange
// accepted the entry — an add only once it fills, and then to the tighter stop; a refused or resting
// add never moves the live stop; entries are serialised and pending ones count toward the limits.
import { afterEach, describe, expect, it } from 'vitest';
import { RiskRejectedError } from '../../../src/shared/errors.ts';
import {
  configOf,
  drill,
  fastTrading,
  lossSideLots,
  openCovered,
  until,
  venueLots,
  venueStops,
  type Drill,
} from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf(fastTrading);
const lossStopPrices = (d: Drill): string[] =>
  venueStops(d, symbol)
    .filter((s) => s.side === 'sell' && s.stop === 'down')
    .map((s) => s.stopPrice ?? '');

describe('an entry is one atomic decision', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('an add the exchange refuses never moves the live stop of the position', async () => {
    d = await drill(config, 'refused-add');
    await openCovered(d, symbol, 'buy', 2, '88000');
    d.venue.admin.addFault({
      kind: 'reject',
      method: 'POST',
      path: '/api/v1/st-orders',
      code: '300003',
      msg: 'Balance insufficient',
      count: 1,
    });
    d.venue.admin.addFault({
      kind: 'reject',
      method: 'POST',
      path: '/api/v1/orders',
      code: '300003',
      msg: 'Balance insufficient',
      count: 1,
    });
    const refused = await d.engine.service
      .placeOrder({ symbol, side: 'buy', type: 'market', sizeLots: 1, leverage: 5, stopPrice: '89000' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    const reads = d.venue.admin.requestCount({ method: 'GET', path: '/api/v1/stopOrders' });
    await until(
      'three more passes',
      () => (d?.venue.admin.requestCount({ method: 'GET', path: '/api/v1/stopOrders' }) ?? 0) >= reads + 3,
    );
    expect(lossStopPrices(d)).toEqual(['88000']);
  });

  it('a resting add does not move the stop; once it fills the position stops at the tighter of the two', async () => {
    const run = await drill(config, 'resting-add');
    d = run;
    await openCovered(run, symbol, 'buy', 2, '88000');
    // Add 1 lot at 89 000 with a tighter stop at 88 500: rests below the market.
    await run.engine.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '89000',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '88500',
    });
    const reads = run.venue.admin.requestCount({ method: 'GET', path: '/api/v1/stopOrders' });
    await until(
      'three more passes',
      () => run.venue.admin.requestCount({ method: 'GET', path: '/api/v1/stopOrders' }) >= reads + 3,
    );
    // The position's own stop is untouched (the add's attached stop rests beside it, untouched too).
    expect(lossStopPrices(run)).toContain('88000');
    expect(
      run.venue.exchange
        .listStopOrders(run.userId, { symbol })
        .items.some((s) => s.stopPrice === '88000' && s.size === 2),
    ).toBe(true);
    run.venue.admin.setPrice(symbol, '88990');
    await until(
      'filled and covered at the tighter stop',
      () =>
        venueLots(run, symbol) === 3 &&
        lossSideLots(run, symbol) === 3 &&
        lossStopPrices(run).every((p) => p === '88500'),
      15_000,
    );
  });

  it('five adds sent at once cannot pass a position limit that one would not', async () => {
    const limited = configOf({
      ...fastTrading,
      trading: {
        ...fastTrading.trading,
        risk: { contractLimits: { maxPositionLots: 4, maxPositionNotionalUsdt: '50000' } },
      },
    });
    d = await drill(limited, 'quick-adds');
    const e = d.engine;
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4, 5].map(() =>
        e.service.placeOrder({
          symbol,
          side: 'buy',
          type: 'market',
          sizeLots: 1,
          leverage: 5,
          stopPrice: '88000',
        }),
      ),
    );
    const denied: unknown[] = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(4);
    expect(denied).toHaveLength(1);
    expect(denied[0]).toBeInstanceOf(RiskRejectedError);
    expect((denied[0] as RiskRejectedError).ruleId).toBe('position-limit');
    await until('4 lots at the venue', () => (d === undefined ? 0 : venueLots(d, symbol)) === 4);
  });

  it('a resting entry counts toward the limit: 3 lots resting + 2 at market > 4 is refused, 1 is not', async () => {
    const limited = configOf({
      ...fastTrading,
      trading: {
        ...fastTrading.trading,
        risk: { contractLimits: { maxPositionLots: 4, maxPositionNotionalUsdt: '50000' } },
      },
    });
    d = await drill(limited, 'pending-counts');
    const e = d.engine;
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '89000',
      sizeLots: 3,
      leverage: 5,
      stopPrice: '88000',
    });
    const over = await e.service
      .placeOrder({ symbol, side: 'buy', type: 'market', sizeLots: 2, leverage: 5, stopPrice: '88000' })
      .catch((error: unknown) => error);
    expect(over).toBeInstanceOf(RiskRejectedError);
    expect((over as RiskRejectedError).ruleId).toBe('position-limit');
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '88000',
    });
  });
});
