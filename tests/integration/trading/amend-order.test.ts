// Amending an open limit order (ADR 0343) against the paper venue: a cancel and a new order, in
// an order that never leaves the trader with both orders or with an unknown state. Every outcome
// is read back at the venue, where the orders are; faults are injected in the venue.
import { afterEach, describe, expect, it } from 'vitest';
import { OrderRejectedError, RiskRejectedError } from '../../../src/shared/errors.ts';
import type { Config } from '../../../src/main/config/schema.ts';
import {
  configOf,
  coveredAtVenue,
  drill,
  fastTrading,
  openCovered,
  until,
  venueStops,
  type Drill,
} from '../safety/harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf(fastTrading);
/** Asks at 90000.1, 90000.6, 90001.1 … 5 lots each: a 12-lot bid at 90000.6 takes 10 and rests 2. */
const thinBook = configOf({
  ...fastTrading,
  venue: { bookLevelSizeLots: 5, bookLevelStepTicks: 5, bookSpreadTicks: 1, priceStepMs: 60_000 },
});

/** The symbol's regular orders working at the venue (entries and closes; stop orders are apart). */
function workingAtVenue(d: Drill): { clientOid: string; price: string; size: number; filled: number }[] {
  return d.venue.exchange
    .listOrders(d.userId, { status: 'active', symbol, pageSize: '1000' })
    .items.map((o) => ({ clientOid: o.clientOid, price: o.price, size: o.size, filled: o.filledSize }));
}

/** The venue's view of one order: still working, or done (cancelled or filled). */
function venueOrder(d: Drill, clientOid: string) {
  return d.venue.exchange.orderByClientOid(d.userId, clientOid);
}

async function restingBuy(d: Drill, price: string, sizeLots = 2): Promise<string> {
  const placed = await d.engine.service.placeOrder({
    symbol,
    side: 'buy',
    type: 'limit',
    price,
    sizeLots,
    leverage: 5,
    stopPrice: '86000',
  });
  await until(
    'the entry acknowledged',
    () => d.engine.journal.getOrder(placed.order.clientOid)?.status === 'ACKED',
  );
  return placed.order.clientOid;
}

/**
 * Starts amending `clientOid` to `price` with its cancel held `ms` at the venue's door, and
 * resolves once that cancel has reached the venue, with the amend still waiting on it.
 */
async function amendWithCancelHeld(
  d: Drill,
  clientOid: string,
  price: string,
  ms: number,
): Promise<{ amending: ReturnType<Drill['engine']['service']['amendOrder']> }> {
  d.venue.admin.addFault({
    kind: 'latency',
    latencyMs: ms,
    method: 'DELETE',
    path: '/api/v1/orders/**',
    count: 1,
  });
  const deletes = d.venue.admin.requestCount({ method: 'DELETE' });
  const amending = d.engine.service.amendOrder(clientOid, price);
  await until('the cancel at the venue', () => d.venue.admin.requestCount({ method: 'DELETE' }) > deletes);
  // In an object: a promise returned bare from an async function would be waited for here.
  return { amending };
}

/** The journal as an app stopped mid-amend leaves it: the cancel of 88000 → 88500 journaled, nothing after it. */
function leftCancelling(d: Drill, clientOid: string): void {
  d.engine.journal.append(
    'amend',
    {
      step: 'cancelling',
      oldClientOid: clientOid,
      newClientOid: null,
      oldPrice: '88000',
      price: '88500',
      sizeLots: 2,
      filledLots: 0,
    },
    { symbol, clientOid },
  );
}

const amendSteps = (d: Drill, clientOid: string): unknown[] =>
  d.engine.journal
    .queryEvents({ kind: 'amend', clientOid, limit: 50 })
    .reverse()
    .map((e) => e.data.step);

describe('amending an open limit order', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  async function start(name: string, with_: Config = config): Promise<Drill> {
    d = await drill(with_, name);
    return d;
  }

  it('the amended entry rests at the venue at the new price and the old one is cancelled', async () => {
    const run = await start('amend-moves');
    const old = await restingBuy(run, '88000');
    await until("the entry's attached stop claimed", () =>
      run.engine.journal.openOrders().some((o) => o.purpose === 'stop' && o.parentClientOid === old),
    );
    const result = await run.engine.service.amendOrder(old, '88500');
    expect(result).toMatchObject({ outcome: 'amended', oldPrice: '88000', price: '88500', sizeLots: 2 });
    // The old entry's attached stop went with it; the new entry carries its own.
    expect(venueStops(run, symbol).map((s) => [s.size, s.stopPrice])).toEqual([[2, '86000']]);
    expect(result.message).toMatch(/88500/);
    expect(venueOrder(run, old)).toMatchObject({ isActive: false, cancelExist: true, filledSize: 0 });
    expect(workingAtVenue(run)).toEqual([
      { clientOid: result.newClientOid, price: '88500', size: 2, filled: 0 },
    ]);
    expect(amendSteps(run, old)).toEqual(['cancelling', 'amended']);
    // The new order is the engine's entry: it carries the entry's stop, and a fill is protected.
    expect(run.engine.journal.getOrder(result.newClientOid ?? '')).toMatchObject({
      purpose: 'entry',
      stopPrice: '86000',
      price: '88500',
      sizeLots: 2,
    });
    run.venue.admin.setPrice(symbol, '88490');
    await coveredAtVenue(run, symbol, 2);
    await until('PROTECTED', () =>
      run.engine.service.listPositions().find((p) => p.protection.status === 'PROTECTED'),
    );
  });

  it('without st-orders the replacement is sent alone and the watchdog places its stop on the fill', async () => {
    const separate = configOf({
      ...fastTrading,
      trading: {
        ...fastTrading.trading,
        protection: { ...fastTrading.trading?.protection, useStOrders: false },
      },
    });
    const run = await start('amend-separate', separate);
    const old = await restingBuy(run, '88000');
    const result = await run.engine.service.amendOrder(old, '88500');
    expect(result.outcome).toBe('amended');
    expect(venueStops(run, symbol)).toEqual([]);
    run.venue.admin.setPrice(symbol, '88490');
    await coveredAtVenue(run, symbol, 2);
    expect(venueStops(run, symbol).map((s) => s.stopPrice)).toEqual(['86000']);
  });

  it("an amended add keeps its held stop change: once it fills the position stops at the add's tighter stop", async () => {
    const run = await start('amend-add');
    await openCovered(run, symbol, 'buy', 2, '86000');
    const placed = await run.engine.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '88000',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '87000',
    });
    await until(
      'the add acknowledged',
      () => run.engine.journal.getOrder(placed.order.clientOid)?.status === 'ACKED',
    );
    const result = await run.engine.service.amendOrder(placed.order.clientOid, '88500');
    expect(result.outcome).toBe('amended');
    // While the add rests the position keeps its own stop.
    expect(venueStops(run, symbol).some((s) => s.stopPrice === '86000' && s.size === 2)).toBe(true);
    run.venue.admin.setPrice(symbol, '88490');
    await until(
      'three lots covered at the tighter stop',
      () =>
        venueStops(run, symbol).length === 1 &&
        venueStops(run, symbol)[0]?.stopPrice === '87000' &&
        venueStops(run, symbol)[0]?.size === 3,
    );
  });

  it("a partially filled order's replacement has the remaining lots", async () => {
    const run = await start('amend-partial', thinBook);
    run.venue.admin.setPrice(symbol, '90000');
    const placed = await run.engine.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '90000.6',
      sizeLots: 12,
      leverage: 10,
      stopPrice: '89000',
    });
    const old = placed.order.clientOid;
    await until('partially filled', () => run.engine.journal.getOrder(old)?.status === 'PARTIALLY_FILLED');
    const result = await run.engine.service.amendOrder(old, '89900');
    expect(result).toMatchObject({ outcome: 'amended', sizeLots: 2, filledLots: 10 });
    expect(venueOrder(run, old)).toMatchObject({ isActive: false, filledSize: 10 });
    expect(workingAtVenue(run)).toEqual([
      { clientOid: result.newClientOid, price: '89900', size: 2, filled: 0 },
    ]);
    // The 10 lots filled stay protected while the rest rests.
    await coveredAtVenue(run, symbol, 10);
  });

  it('a replacement the risk rules forbid changes nothing at the venue', async () => {
    const run = await start('amend-denied');
    const old = await restingBuy(run, '88000');
    const cancels = run.venue.admin.requestCount({ method: 'DELETE' });
    // 80 000 is more than the fat-finger band (5 %) away from the mark at 90 000.
    const denied = await run.engine.service.amendOrder(old, '80000').catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(RiskRejectedError);
    expect((denied as RiskRejectedError).ruleId).toBe('price-band');
    expect(run.venue.admin.requestCount({ method: 'DELETE' })).toBe(cancels);
    expect(workingAtVenue(run)).toEqual([{ clientOid: old, price: '88000', size: 2, filled: 0 }]);
    expect(amendSteps(run, old)).toEqual(['refused']);
  });

  it('a price off the tick or the same price is refused before anything is sent', async () => {
    const run = await start('amend-price');
    const old = await restingBuy(run, '88000');
    await expect(run.engine.service.amendOrder(old, '88000.05')).rejects.toMatchObject({
      code: 'risk-tick-size',
    });
    await expect(run.engine.service.amendOrder(old, '88000.0')).rejects.toMatchObject({
      code: 'amend-same-price',
    });
    expect(workingAtVenue(run)).toEqual([{ clientOid: old, price: '88000', size: 2, filled: 0 }]);
  });

  it.each([
    ['refused', { kind: 'reject', code: '300000', msg: 'cancel refused' }],
    ['failed', { kind: 'server-error' }],
  ] as const)('a cancel the venue %s leaves the old order working and nothing new', async (_name, fault) => {
    const run = await start(`amend-cancel-${_name}`);
    const old = await restingBuy(run, '88000');
    const placements = run.venue.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' });
    run.venue.admin.addFault({ ...fault, method: 'DELETE', path: '/api/v1/orders/**' });
    const failed = await run.engine.service.amendOrder(old, '88500').catch((error: unknown) => error);
    run.venue.admin.clearFaults();
    expect(failed).toBeInstanceOf(OrderRejectedError);
    expect((failed as OrderRejectedError).code).toBe('amend-cancel-not-confirmed');
    expect((failed as Error).message).toMatch(/Nothing new was placed/);
    expect(workingAtVenue(run)).toEqual([{ clientOid: old, price: '88000', size: 2, filled: 0 }]);
    expect(run.venue.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' })).toBe(placements);
    expect(amendSteps(run, old)).toEqual(['cancelling', 'cancel-not-confirmed']);
    expect(run.engine.journal.getOrder(old)?.status).toBe('ACKED');
  });

  it('a replacement the venue refuses after the cancel is reported "cancelled, not replaced" and journaled', async () => {
    const run = await start('amend-not-replaced');
    const old = await restingBuy(run, '88000');
    run.venue.admin.addFault({
      kind: 'reject',
      method: 'POST',
      path: '/api/v1/st-orders',
      code: '300003',
      msg: 'Balance insufficient',
      count: 1,
    });
    const result = await run.engine.service.amendOrder(old, '88500');
    expect(result.outcome).toBe('cancelled-not-replaced');
    expect(result.reason).toMatch(/margin|Balance insufficient/i);
    expect(result.message).toMatch(/^Cancelled, not replaced/);
    expect(venueOrder(run, old)).toMatchObject({ isActive: false, cancelExist: true });
    expect(workingAtVenue(run)).toEqual([]);
    expect(amendSteps(run, old)).toEqual(['cancelling', 'cancelled-not-replaced']);
    expect(run.engine.alerts.map((a) => a.code)).toContain('amend-not-replaced');
  });

  it('an order that filled before the cancel landed is reported filled, and nothing new is placed', async () => {
    const run = await start('amend-filled');
    const old = await restingBuy(run, '88000');
    const placements = run.venue.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' });
    // The cancel is held at the venue's door; meanwhile the market trades through the order.
    const { amending } = await amendWithCancelHeld(run, old, '88500', 1_500);
    run.venue.admin.setPrice(symbol, '87990');
    const result = await amending;
    expect(result).toMatchObject({ outcome: 'filled', filledLots: 2, sizeLots: 0 });
    expect(result.newClientOid).toBeUndefined();
    expect(venueOrder(run, old)).toMatchObject({ isActive: false, filledSize: 2 });
    expect(workingAtVenue(run)).toEqual([]);
    expect(run.venue.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' })).toBe(placements);
    await coveredAtVenue(run, symbol, 2);
  });

  it('while the kill switch holds, an entry is not amended and nothing changes at the venue', async () => {
    const run = await start('amend-killed');
    const old = await restingBuy(run, '88000');
    // Every cancel refused: the kill switch cannot take the entry off, so it is still there to amend.
    run.venue.admin.addFault({ kind: 'reject', method: 'DELETE', path: '/api/**', code: '300000' });
    await run.engine.service.triggerKillSwitch(false, 'test');
    const cancels = run.venue.admin.requestCount({ method: 'DELETE' });
    const denied = await run.engine.service.amendOrder(old, '88500').catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(RiskRejectedError);
    expect((denied as RiskRejectedError).ruleId).toBe('trading-state');
    expect(run.venue.admin.requestCount({ method: 'DELETE' })).toBe(cancels);
    expect(workingAtVenue(run)).toEqual([{ clientOid: old, price: '88000', size: 2, filled: 0 }]);
    run.venue.admin.clearFaults();
  });

  it('the kill switch pressed while the cancel is on its way wins: nothing new is placed', async () => {
    const run = await start('amend-killed-midway');
    const old = await restingBuy(run, '88000');
    const placements = run.venue.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' });
    const { amending } = await amendWithCancelHeld(run, old, '88500', 1_000);
    await run.engine.service.triggerKillSwitch(false, 'test');
    const result = await amending;
    expect(result.outcome).toBe('cancelled-not-replaced');
    expect(result.reason).toMatch(/HALTED/);
    expect(workingAtVenue(run)).toEqual([]);
    expect(run.venue.admin.requestCount({ method: 'POST', path: '/api/v1/st-orders' })).toBe(placements);
  });

  it('only an open limit order can be amended: a stop, a market order or a done order is refused', async () => {
    const run = await start('amend-which');
    await openCovered(run, symbol, 'buy', 1, '86000');
    const stop = await until('the stop journaled', () =>
      run.engine.journal.openOrders().find((o) => o.purpose === 'stop'),
    );
    await expect(run.engine.service.amendOrder(stop.clientOid, '86500')).rejects.toMatchObject({
      code: 'amend-stop',
    });
    const market = run.engine.journal.recentOrders(10).find((o) => o.purpose === 'entry');
    await expect(run.engine.service.amendOrder(market?.clientOid ?? '', '88500')).rejects.toMatchObject({
      code: 'amend-not-limit',
    });
    const old = await restingBuy(run, '88000');
    await run.engine.service.cancelOrder(old);
    await expect(run.engine.service.amendOrder(old, '88500')).rejects.toMatchObject({
      code: 'amend-order-done',
    });
    await expect(run.engine.service.amendOrder('nope', '88500')).rejects.toMatchObject({
      code: 'order-not-found',
    });
  });

  it('an amend cut short by a stop after its cancel is settled at the next start: the trader is told no order works', async () => {
    const run = await start('amend-interrupted');
    const old = await restingBuy(run, '88000');
    const order = run.engine.journal.getOrder(old);
    leftCancelling(run, old);
    const exchangeId = order?.exchangeOrderId ?? '';
    const { reconciled } = await run.restart(() => {
      // The cancel landed at the exchange while the app was down.
      run.venue.exchange.cancelOrder(run.userId, exchangeId);
    });
    const next = await reconciled;
    await until('the amend settled', () => amendSteps(run, old).at(-1) === 'cancelled-not-replaced');
    expect(next.alerts.find((a) => a.code === 'amend-not-replaced')?.message).toContain(
      'no new one was sent',
    );
    expect(workingAtVenue(run)).toEqual([]);
  });

  it('an amend cut short while the old order still works is settled without an alert', async () => {
    const run = await start('amend-interrupted-working');
    const old = await restingBuy(run, '88000');
    leftCancelling(run, old);
    const { reconciled } = await run.restart();
    const next = await reconciled;
    await until('the amend settled', () => amendSteps(run, old).at(-1) === 'cancel-not-confirmed');
    expect(next.alerts.map((a) => a.code)).not.toContain('amend-not-replaced');
    expect(workingAtVenue(run).map((o) => o.clientOid)).toEqual([old]);
  });
});
