// Protection per symbol, from the first second (issue item 2): one failing read never skips
// protection; a position is protected before start-up reconciliation of our orders has finished;
// reconciliation gives up on an order it cannot resolve; protecting needs no contract cache (item 1).
import { afterEach, describe, expect, it } from 'vitest';
import {
  configOf,
  coveredAtVenue,
  drill,
  fastTrading,
  lossSideLots,
  openCovered,
  until,
  type Drill,
} from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf({
  ...fastTrading,
  trading: {
    ...fastTrading.trading,
    orders: { pollIntervalMs: 100, confirmTimeoutMs: 500, reconcileGiveUpMs: 3000, absentConfirmSpanMs: 500 },
    protection: { watchdogIntervalMs: 200, nakedAlertAfterS: 3, closeAfterNakedS: 60 },
  },
});

describe('protection per symbol, from the first second', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('the open-orders listing failing (HTTP 500) does not keep the watchdog from repairing a cancelled stop', async () => {
    d = await drill(config, 'read-fails');
    await openCovered(d, symbol, 'buy', 3, '88000');
    // A resting entry of ours, so the engine has open orders to poll.
    await d.engine.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '87000',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '86000',
    });
    d.venue.admin.addFault({ kind: 'server-error', method: 'GET', path: '/api/v1/orders' });
    d.venue.exchange.cancelStopOrders(d.userId, symbol);
    expect(lossSideLots(d, symbol)).toBe(0);
    await coveredAtVenue(d, symbol, 3);
  });

  it('stop orders unreadable: the badge says UNKNOWN, never PROTECTED; readable again → PROTECTED', async () => {
    d = await drill(config, 'stops-unreadable');
    const e = d.engine;
    await openCovered(d, symbol, 'buy', 2, '88000');
    d.venue.admin.addFault({ kind: 'server-error', method: 'GET', path: '/api/v1/stopOrders' });
    await until('UNKNOWN badge', () =>
      e.service.listPositions().find((p) => p.protection.status === 'UNKNOWN'),
    );
    d.venue.admin.clearFaults();
    await until('PROTECTED again', () =>
      e.service
        .listPositions()
        .find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 2),
    );
  });

  it('a naked position is protected at start-up while one of our orders cannot be looked up (every lookup 503)', async () => {
    const run = await drill(config, 'startup-protect');
    d = run;
    await openCovered(run, symbol, 'buy', 2, '88000');
    await run.engine.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '87000',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '86000',
    });
    // While the app is down the position's stop disappears, and every order lookup fails.
    const { reconciled } = await run.restart(() => {
      run.venue.exchange.cancelStopOrders(run.userId, symbol);
      run.venue.admin.addFault({
        kind: 'server-error',
        httpStatus: 503,
        method: 'GET',
        path: '/api/v1/orders/**',
      });
    });
    let done = false;
    void reconciled.then(
      () => (done = true),
      () => undefined,
    );
    await coveredAtVenue(run, symbol, 2);
    // The venue says so before start-up reconciliation has finished.
    expect(done).toBe(false);
    run.venue.admin.clearFaults();
    await reconciled;
  });

  it('an acknowledged order the exchange no longer knows ends UNKNOWN with an alert naming it, and start-up reconciliation finishes', async () => {
    const run = await drill(config, 'give-up');
    d = run;
    const placed = await run.engine.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '87000',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '86000',
    });
    await until(
      'acknowledged',
      () => run.engine.journal.getOrder(placed.order.clientOid)?.status === 'ACKED',
    );
    // Every lookup of an order says "no such order" (404000), as for an order aged out of the exchange's history.
    const { reconciled } = await run.restart(() =>
      run.venue.admin.addFault({
        kind: 'reject',
        method: 'GET',
        path: '/api/v1/orders/**',
        code: '404000',
        msg: 'order not exist',
      }),
    );
    const engine = await reconciled;
    expect(engine.service.getState().reconciled).toBe(true);
    const alert = await until(
      'UNKNOWN with an alert naming it',
      () =>
        engine.journal.getOrder(placed.order.clientOid)?.status === 'UNKNOWN' &&
        engine.alerts.find((a) => a.code === 'order-unknown' && a.message.includes(placed.order.clientOid)),
      20_000,
    );
    expect(alert.severity).toBe('critical');
  });

  it('the contract list unreadable at start-up: a naked short still gets its stop (reduce-only needs no contract cache)', async () => {
    const run = await drill(config, 'no-contracts');
    d = run;
    await openCovered(run, symbol, 'sell', 2, '92000');
    await run.restart(() => {
      run.venue.exchange.cancelStopOrders(run.userId, symbol);
      run.venue.admin.addFault({ kind: 'server-error', method: 'GET', path: '/api/v1/contracts/**' });
    });
    await coveredAtVenue(run, symbol, 2);
    run.venue.admin.clearFaults();
  });
});
