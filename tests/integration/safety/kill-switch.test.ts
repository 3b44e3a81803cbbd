// The kill switch is complete (issue item 6): HALTED at once; every non-protective open order
// cancelled (a refused cancel-all falls back to one by one); with flatten every position closed —
// reported as filled, not sent — and the stops of flat symbols cancelled; without flatten the
// protective stops stay. It never waits behind an order stuck in reconciliation.
import { afterEach, describe, expect, it } from 'vitest';
import type { RestFaultSpec } from '../../../src/main/venue/server/faults.ts';
import { configOf, drill, fastTrading, lossSideLots, openCovered, until, type Drill } from './harness.ts';

const prices = { XBTUSDTM: '90000', ETHUSDTM: '3000', SOLUSDTM: '150' } as const;
const config = configOf(fastTrading);

/** Three positions, each with its stop, and 20 resting entries spread over them. */
async function busyBook(d: Drill): Promise<void> {
  await openCovered(d, 'XBTUSDTM', 'buy', 2, '88000');
  await openCovered(d, 'ETHUSDTM', 'sell', 3, '3080');
  await openCovered(d, 'SOLUSDTM', 'buy', 5, '146');
  const rest = [
    { symbol: 'XBTUSDTM', side: 'buy', price: (i: number) => String(87000 + i * 10), stop: '86000' },
    { symbol: 'ETHUSDTM', side: 'sell', price: (i: number) => (3100 + i).toFixed(2), stop: '3200' },
    { symbol: 'SOLUSDTM', side: 'buy', price: (i: number) => (145 + i / 10).toFixed(2), stop: '140' },
  ] as const;
  for (let i = 0; i < 20; i += 1) {
    const r = rest[i % 3] ?? rest[0];
    await d.engine.service.placeOrder({
      symbol: r.symbol,
      side: r.side,
      type: 'limit',
      price: r.price(i),
      sizeLots: 1,
      leverage: 5,
      stopPrice: r.stop,
    });
  }
}

const openRegular = (d: Drill) =>
  d.venue.exchange.listOrders(d.userId, { status: 'active', pageSize: '1000' }).items;
const openStops = (d: Drill) => d.venue.exchange.listStopOrders(d.userId, { pageSize: '200' }).items;

describe('the kill switch', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('with flatten: every position flat at the venue, no order left, and the report says closes filled', async () => {
    d = await drill(config, 'kill-flatten', prices);
    await busyBook(d);
    expect(openRegular(d)).toHaveLength(20);
    // KuCoin refuses the cancel-all for one symbol: the kill switch cancels that symbol's orders one by one.
    d.venue.admin.addFault({
      kind: 'reject',
      method: 'DELETE',
      path: '/api/v3/orders',
      code: '300002',
      msg: 'order placement/cancellation suspended',
      count: 1,
    });
    const report = await d.engine.service.triggerKillSwitch(true, 'drill');
    expect(report.state.state).toBe('HALTED');
    expect(report.closes.map((c) => [c.symbol, c.outcome]).sort()).toEqual([
      ['ETHUSDTM', 'filled'],
      ['SOLUSDTM', 'filled'],
      ['XBTUSDTM', 'filled'],
    ]);
    // The failures first: a count that is off then says why.
    expect(report.cancelFailures).toEqual([]);
    expect(report.cancelledOrders).toBe(20);
    // The venue agrees.
    expect(d.venue.exchange.positions(d.userId)).toEqual([]);
    expect(openRegular(d)).toEqual([]);
    expect(openStops(d)).toEqual([]);
  });

  const slowListings: readonly [string, RestFaultSpec][] = [
    [
      'answered 503',
      { kind: 'server-error', httpStatus: 503, method: 'GET', path: '/api/v1/orders', count: 3 },
    ],
    ['never answered', { kind: 'timeout', method: 'GET', path: '/api/v1/orders', count: 1 }],
  ];
  it.each(slowListings)(
    'a first listing of open orders %s: every entry still cancelled, and the report counts them',
    async (_, fault) => {
      d = await drill(config, 'kill-slow-list', prices);
      await busyBook(d);
      expect(openRegular(d)).toHaveLength(20);
      d.venue.admin.addFault(fault);
      const report = await d.engine.service.triggerKillSwitch(true, 'drill');
      expect(report.cancelFailures).toEqual([]);
      expect(report.cancelledOrders).toBe(20);
      expect(openRegular(d)).toEqual([]);
      expect(d.venue.exchange.positions(d.userId)).toEqual([]);
    },
  );

  it('open orders never listable: its own entries cancelled, the trader told others may rest, and it keeps trying', async () => {
    d = await drill(config, 'kill-unlisted', prices);
    const run = d;
    await busyBook(run);
    // An entry placed on KuCoin's website: Bulwark can only learn of it by listing.
    run.venue.exchange.placeOrder(run.userId, {
      clientOid: 'web-entry-1',
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      price: '80000',
      size: 1,
      leverage: 5,
    });
    run.venue.admin.addFault({
      kind: 'server-error',
      httpStatus: 503,
      method: 'GET',
      path: '/api/v1/orders',
    });
    const report = await run.engine.service.triggerKillSwitch(true, 'drill');
    expect(report.cancelFailures).toHaveLength(1);
    expect(report.cancelFailures[0]?.reason).toMatch(/open orders could not be listed.*may still rest/);
    expect(report.cancelledOrders).toBe(20);
    expect(openRegular(run).map((o) => o.clientOid)).toEqual(['web-entry-1']);
    expect(
      run.engine.alerts.some((a) => a.severity === 'critical' && a.message.includes('may still rest')),
    ).toBe(true);
    // KuCoin answers again: the engine, still trying, lists and cancels the entry it could not see.
    run.venue.admin.clearFaults();
    await until('no entry left at the venue', () => openRegular(run).length === 0);
    await until('the trader told every entry is cancelled', () =>
      run.engine.alerts.some((a) => /entries.*cancelled/.test(a.message) && a.severity !== 'critical'),
    );
  });

  it('without flatten: entries cancelled, positions keep their protective stops, and the report says so', async () => {
    d = await drill(config, 'kill-keep', prices);
    await busyBook(d);
    const report = await d.engine.service.triggerKillSwitch(false, 'drill');
    expect(report.closes).toEqual([]);
    expect(openRegular(d)).toEqual([]);
    for (const symbol of Object.keys(prices)) expect(lossSideLots(d, symbol)).toBeGreaterThan(0);
    expect(report.protectiveStopsKept).toBeGreaterThanOrEqual(3);
    expect(d.engine.alerts.find((a) => a.code === 'kill-switch')?.message).toContain('protective stops stay');
  });

  it('entries waiting when it is pressed never reach the exchange afterwards', async () => {
    d = await drill(config, 'kill-queued', prices);
    const run = d;
    // Every entry takes a second to be answered: the next ones wait (entries go one at a time).
    run.venue.admin.addFault({ kind: 'latency', latencyMs: 1000, method: 'POST', path: '/api/v1/st-orders' });
    const sent = [1, 2, 3, 4].map(() =>
      run.engine.service
        .placeOrder({
          symbol: 'XBTUSDTM',
          side: 'buy',
          type: 'limit',
          price: '87000',
          sizeLots: 1,
          leverage: 5,
          stopPrice: '86000',
        })
        .catch((error: unknown) => error),
    );
    await until(
      'the first entry on its way',
      () => run.venue.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' }) >= 1,
    );
    await run.engine.service.triggerKillSwitch(false, 'drill');
    const outcomes = await Promise.all(sent);
    const placedAfter = run.venue.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' });
    // Only the one already on the wire when the switch was pressed ever reached the venue …
    expect(placedAfter).toBe(1);
    // … and the trader is told each entry did not stand: three never left, the fourth was cancelled on landing.
    expect(outcomes.filter((o) => o instanceof Error)).toHaveLength(4);
    await until('nothing working', () => openRegular(run).length === 0);
  });

  it('never waits behind an order stuck in reconciliation', async () => {
    d = await drill(config, 'kill-stuck', prices);
    await openCovered(d, 'XBTUSDTM', 'buy', 1, '88000');
    // An entry whose answer is lost, and whose every lookup then hangs.
    d.venue.admin.addFault({ kind: 'drop-response', method: 'POST', path: '/api/v1/st-orders', count: 1 });
    d.venue.admin.addFault({ kind: 'timeout', method: 'GET', path: '/api/v1/orders/byClientOid' });
    await d.engine.service.placeOrder({
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      price: '87000',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '86000',
    });
    const report = await d.engine.service.triggerKillSwitch(true, 'drill');
    expect(report.closes.map((c) => c.outcome)).toEqual(['filled']);
    expect(openRegular(d)).toEqual([]);
    d.venue.admin.clearFaults();
  });
});
