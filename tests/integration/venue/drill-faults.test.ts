/**
 * Fault drills that let a client's safety checks fail (ADR 0140): corrupt-success, blank-fields,
 * accept-duplicate-client-oid, and the venue's own order timeline, all over loopback through the
 * independent KuCoin test client and the `/__venue/` HTTP admin API.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OrderTimelineEntryWire, RunningVenue } from '../../../src/main/venue/index.ts';
import { KcClient, rawRequest } from './kucoin-test-client.ts';
import type { RawResponse } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

async function adminCall(
  venue: RunningVenue,
  method: string,
  path: string,
  body?: unknown,
): Promise<RawResponse> {
  return rawRequest(
    method,
    `${venue.restUrl}/__venue/${path}`,
    { 'content-type': 'application/json' },
    body === undefined ? undefined : JSON.stringify(body),
  );
}

async function admin(venue: RunningVenue, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await adminCall(venue, method, path, body);
  expect(res.json.ok, res.text).toBe(true);
  return res.json.data;
}

let seq = 0;
const oid = (tag: string): string => `${tag}-${Date.now().toString(36)}-${(seq += 1)}`;

describe('drill faults: the work is done, the answer lies (ADR 0140)', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let userId: string;
  let lowBid: string;

  const limitBuy = (clientOid: string) => ({
    clientOid,
    side: 'buy',
    symbol: 'XBTUSDTM',
    leverage: 5,
    type: 'limit',
    price: lowBid,
    size: 1,
    marginMode: 'ISOLATED',
  });

  beforeAll(async () => {
    venue = await startTestVenue();
    kc = new KcClient(venue.restUrl, venue.credentials);
    userId = venue.keys[0]?.userId ?? '';
    venue.admin.setPrice('XBTUSDTM', '80000');
    lowBid = '72000';
  });
  afterEach(async () => {
    await admin(venue, 'POST', 'reset');
    await kc.data('DELETE', '/api/v1/orders', { symbol: 'XBTUSDTM' });
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('corrupt-success (HTTP admin): 200000 without orderId, yet the order rests on the book', async () => {
    await admin(venue, 'POST', 'faults', {
      kind: 'corrupt-success',
      method: 'POST',
      path: '/api/v1/orders',
      count: 1,
    });
    const clientOid = oid('corrupt');
    const res = await kc.send('POST', '/api/v1/orders', limitBuy(clientOid));
    expect(res.status).toBe(200);
    expect(res.json.code).toBe('200000');
    expect(res.json.data).toEqual({ clientOid });
    const placed = await kc.data<{ status: string; clientOid: string; id: string }>(
      'GET',
      '/api/v1/orders/byClientOid',
      { clientOid },
    );
    expect(placed).toMatchObject({ status: 'open', clientOid });
    // count 1: the next placement is answered whole.
    const next = await kc.data<{ orderId: string }>('POST', '/api/v1/orders', limitBuy(oid('after')));
    expect(next.orderId).toMatch(/^\d+$/);
  });

  it('corrupt-success wrong-client-oid: the echo names an order the client never sent; the real one exists', async () => {
    venue.admin.addFault({
      kind: 'corrupt-success',
      variant: 'wrong-client-oid',
      path: '/api/v1/orders',
      method: 'POST',
    });
    const clientOid = oid('echo');
    const answer = await kc.data<{ orderId: string; clientOid: string }>(
      'POST',
      '/api/v1/orders',
      limitBuy(clientOid),
    );
    expect(answer.clientOid).not.toBe(clientOid);
    const real = await kc.data<{ id: string; status: string }>('GET', `/api/v1/orders/${answer.orderId}`);
    expect(real).toMatchObject({ id: answer.orderId, status: 'open' });
    const byOid = await kc.data<{ id: string }>('GET', '/api/v1/orders/byClientOid', { clientOid });
    expect(byOid.id).toBe(answer.orderId);
  });

  it('corrupt-success on a non-order route drops a required field (named or the first); scoped by method', async () => {
    venue.admin.addFault({ kind: 'corrupt-success', path: '/api/v1/ticker', method: 'GET', count: 1 });
    const first = (await kc.publicGet('/api/v1/ticker', 'symbol=XBTUSDTM')).json;
    expect(first.code).toBe('200000');
    expect(first.data).not.toHaveProperty('sequence');
    expect(first.data).toHaveProperty('price');
    expect((await kc.publicGet('/api/v1/ticker', 'symbol=XBTUSDTM')).json.data).toHaveProperty('sequence');
    venue.admin.addFault({
      kind: 'corrupt-success',
      variant: 'drop-field',
      field: 'markPrice',
      path: '/api/v1/contracts/*',
    });
    const contract = (await kc.publicGet('/api/v1/contracts/XBTUSDTM')).json.data;
    expect(contract).not.toHaveProperty('markPrice');
    expect(contract).toHaveProperty('symbol', 'XBTUSDTM');
  });

  it('blank-fields: markPrice and liquidationPrice read null on positions; the venue’s own state is untouched', async () => {
    await kc.data('POST', '/api/v1/orders', {
      clientOid: oid('open'),
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 5,
      type: 'market',
      size: 2,
      marginMode: 'ISOLATED',
    });
    await admin(venue, 'POST', 'faults', {
      kind: 'blank-fields',
      path: '/api/v1/positions',
      fields: ['markPrice', 'liquidationPrice'],
    });
    const blanked = await kc.data<Record<string, unknown>[]>('GET', '/api/v1/positions');
    const position = blanked.find((p) => p.symbol === 'XBTUSDTM');
    expect(position).toMatchObject({ markPrice: null, liquidationPrice: null, currentQty: 2 });
    expect(typeof position?.avgEntryPrice).toBe('number');
    // Other paths answer whole, and the stored position still has its numbers.
    const single = await kc.data<Record<string, unknown>>('GET', '/api/v1/position', { symbol: 'XBTUSDTM' });
    expect(typeof single.markPrice).toBe('number');
    await admin(venue, 'DELETE', 'faults');
    const whole = await kc.data<Record<string, unknown>[]>('GET', '/api/v1/positions');
    expect(typeof whole.find((p) => p.symbol === 'XBTUSDTM')?.liquidationPrice).toBe('number');
    await kc.data('POST', '/api/v1/orders', {
      clientOid: oid('close'),
      side: 'sell',
      symbol: 'XBTUSDTM',
      type: 'market',
      size: 2,
      reduceOnly: true,
    });
  });

  it('blank-fields without fields is refused with a clear error (HTTP 400 and in process)', async () => {
    const res = await adminCall(venue, 'POST', 'faults', { kind: 'blank-fields', path: '/api/v1/positions' });
    expect(res.status).toBe(400);
    expect(String(res.json.error)).toContain('fields');
    expect(() => venue.admin.addFault({ kind: 'blank-fields' })).toThrow(/fields/);
    expect(venue.admin.faults()).toEqual([]);
  });

  it('accept-duplicate-client-oid: off → 300018; on → a second exchange order with the same clientOid', async () => {
    const clientOid = oid('dup');
    const first = await kc.data<{ orderId: string }>('POST', '/api/v1/orders', limitBuy(clientOid));
    const refused = await kc.send('POST', '/api/v1/orders', limitBuy(clientOid));
    expect(refused.json.code).toBe('300018');
    const id = (await admin(venue, 'POST', 'faults', { kind: 'accept-duplicate-client-oid' })) as {
      id: string;
    };
    const second = await kc.data<{ orderId: string; clientOid: string }>(
      'POST',
      '/api/v1/orders',
      limitBuy(clientOid),
    );
    expect(second.clientOid).toBe(clientOid);
    expect(second.orderId).not.toBe(first.orderId);
    const both = venue.admin.orderTimeline({ userId }).filter((o) => o.clientOid === clientOid);
    expect(both.map((o) => [o.orderId, o.status])).toEqual([
      [first.orderId, 'open'],
      [second.orderId, 'open'],
    ]);
    await admin(venue, 'DELETE', `faults?id=${id.id}`);
    expect((await kc.send('POST', '/api/v1/orders', limitBuy(clientOid))).json.code).toBe('300018');
  });
});

/** The lots held and the loss-side stops live after each instant, from the venue's timeline alone. */
function coverageGaps(timeline: readonly OrderTimelineEntryWire[], symbol: string): number[] {
  const changes: { seq: number; apply: (s: { qty: number; stops: Set<string> }) => void }[] = [];
  for (const order of timeline.filter((o) => o.symbol === symbol)) {
    for (const fill of order.fills)
      changes.push({
        seq: fill.seq,
        apply: (s) => {
          s.qty += order.side === 'buy' ? fill.size : -fill.size;
        },
      });
    if (order.stop === null || !order.reduceOnly) continue;
    changes.push({
      seq: order.accepted.seq,
      apply: (s) => s.stops.add(`${order.side}:${order.stop ?? ''}:${order.orderId}`),
    });
    const end = order.triggered ?? order.done;
    if (end !== null)
      changes.push({
        seq: end.seq,
        apply: (s) => s.stops.delete(`${order.side}:${order.stop ?? ''}:${order.orderId}`),
      });
  }
  changes.sort((a, b) => a.seq - b.seq);
  const state = { qty: 0, stops: new Set<string>() };
  const gaps: number[] = [];
  for (const change of changes) {
    change.apply(state);
    const lossSide = state.qty > 0 ? 'sell:down' : 'buy:up';
    const covered = [...state.stops].some((key) => key.startsWith(`${lossSide}:`));
    if (state.qty !== 0 && !covered) gaps.push(change.seq);
  }
  return gaps;
}

describe('the venue’s order timeline (admin.orderTimeline, GET /__venue/orders/timeline)', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let userId: string;

  beforeAll(async () => {
    venue = await startTestVenue();
    kc = new KcClient(venue.restUrl, venue.credentials);
    userId = venue.keys[0]?.userId ?? '';
    venue.admin.setPrice('ETHUSDTM', '2500');
  });
  afterAll(async () => {
    await venue.stop();
  });

  const stopLoss = (clientOid: string, stopPrice: string, size = 1) => ({
    clientOid,
    side: 'sell',
    symbol: 'ETHUSDTM',
    type: 'market',
    size,
    stop: 'down',
    stopPrice,
    stopPriceType: 'MP',
    reduceOnly: true,
    marginMode: 'ISOLATED',
    leverage: 5,
  });

  it('lists accepted, triggered, cancelled and done instants and fills, strictly ordered by seq', async () => {
    const entry = oid('entry');
    await kc.data('POST', '/api/v1/orders', {
      clientOid: entry,
      side: 'buy',
      symbol: 'ETHUSDTM',
      leverage: 5,
      type: 'market',
      size: 3,
      marginMode: 'ISOLATED',
    });
    const resting = oid('resting');
    await kc.data('POST', '/api/v1/orders', {
      clientOid: resting,
      side: 'buy',
      symbol: 'ETHUSDTM',
      leverage: 5,
      type: 'limit',
      price: '2000',
      size: 1,
      marginMode: 'ISOLATED',
    });
    const stop = oid('sl');
    await kc.data('POST', '/api/v1/orders', stopLoss(stop, '2300', 3));
    await kc.data('DELETE', '/api/v1/orders/client-order/' + resting, { symbol: 'ETHUSDTM' });
    venue.admin.setPrice('ETHUSDTM', '2250');
    const timeline = (await admin(
      venue,
      'GET',
      `orders/timeline?userId=${userId}&symbol=ETHUSDTM`,
    )) as OrderTimelineEntryWire[];
    expect(timeline).toEqual(venue.admin.orderTimeline({ userId, symbol: 'ETHUSDTM' }));
    const byOid = new Map(timeline.map((o) => [o.clientOid, o]));
    const e = byOid.get(entry);
    const r = byOid.get(resting);
    const s = byOid.get(stop);
    expect(e).toMatchObject({
      side: 'buy',
      type: 'market',
      size: 3,
      filledSize: 3,
      status: 'done',
      stop: null,
      triggered: null,
      cancelled: null,
    });
    expect(e?.fills.reduce((n, f) => n + f.size, 0)).toBe(3);
    expect(r).toMatchObject({ price: '2000', filledSize: 0, status: 'done', fills: [] });
    expect(r?.cancelled).toEqual(r?.done);
    expect(s).toMatchObject({
      stop: 'down',
      stopPrice: '2300',
      stopPriceType: 'MP',
      reduceOnly: true,
      closeOrder: false,
      filledSize: 3,
      status: 'done',
      cancelled: null,
    });
    const seqs = [
      e?.accepted.seq,
      ...(e?.fills.map((f) => f.seq) ?? []),
      e?.done?.seq,
      r?.accepted.seq,
      s?.accepted.seq,
      r?.cancelled?.seq,
      s?.triggered?.seq,
      ...(s?.fills.map((f) => f.seq) ?? []),
      s?.done?.seq,
    ];
    expect(seqs.every((n) => typeof n === 'number')).toBe(true);
    expect([...seqs].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect((s?.triggered?.atMs ?? 0) >= (s?.accepted.atMs ?? Infinity)).toBe(true);
    expect(await admin(venue, 'GET', 'orders/timeline?userId=nobody')).toEqual([]);
  });

  it('proves from the venue side whether a position was covered at every instant (and finds a gap when it was not)', async () => {
    venue.admin.setPrice('ETHUSDTM', '2500');
    await kc.data('POST', '/api/v1/orders', {
      clientOid: oid('long'),
      side: 'buy',
      symbol: 'ETHUSDTM',
      leverage: 5,
      type: 'market',
      size: 2,
      marginMode: 'ISOLATED',
    });
    const firstStop = oid('sl1');
    await kc.data('POST', '/api/v1/orders', stopLoss(firstStop, '2200', 2));
    // Safe replacement: the new stop is accepted before the old one is cancelled.
    await kc.data('POST', '/api/v1/orders', stopLoss(oid('sl2'), '2250', 2));
    await kc.data('DELETE', `/api/v1/orders/client-order/${firstStop}`, { symbol: 'ETHUSDTM' });
    const since = (): OrderTimelineEntryWire[] => {
      const all = venue.admin.orderTimeline({ userId, symbol: 'ETHUSDTM' });
      const start = all.find((o) => o.clientOid.startsWith('long'))?.accepted.seq ?? Infinity;
      return all.filter((o) => o.accepted.seq >= start);
    };
    // The window between the long's fill and the first stop's acceptance is a real (expected) gap.
    expect(coverageGaps(since(), 'ETHUSDTM')).toHaveLength(1);
    // Unsafe replacement: cancel first, then place — the venue's instants show the uncovered moment.
    const stops = await kc.data<{ items: { clientOid: string }[] }>('GET', '/api/v1/stopOrders', {
      symbol: 'ETHUSDTM',
    });
    for (const item of stops.items)
      await kc.data('DELETE', `/api/v1/orders/client-order/${item.clientOid}`, { symbol: 'ETHUSDTM' });
    await kc.data('POST', '/api/v1/orders', stopLoss(oid('sl3'), '2260', 2));
    expect(coverageGaps(since(), 'ETHUSDTM')).toHaveLength(2);
  });
});
