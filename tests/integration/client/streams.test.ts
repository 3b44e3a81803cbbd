import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamEvent, StreamMessage } from '../../../src/main/exchange/index.ts';
import { startRig, waitFor, type ClientRig } from './harness.ts';

let rig: ClientRig;
const privateEvents: StreamEvent[] = [];
const publicEvents: StreamEvent[] = [];
const orderPushes: StreamMessage[] = [];
let tickerPushes = 0;

beforeAll(async () => {
  rig = await startRig({
    exchange: {
      ws: {
        wsPingIntervalMaxMs: 150,
        wsPongTimeoutMaxMs: 300,
        wsLivenessTimeoutMs: 600,
        wsReconnectInitialDelayMs: 20,
        wsReconnectMaxDelayMs: 200,
      },
    },
  });
  const { publicStream, privateStream } = rig.client;
  if (privateStream === undefined) throw new Error('private stream expected');
  privateStream.onEvent((event) => privateEvents.push(event));
  publicStream.onEvent((event) => publicEvents.push(event));
  privateStream.onMessage((message) => {
    if (message.topic.startsWith('/contractMarket/tradeOrders')) orderPushes.push(message);
  });
  publicStream.onMessage((message) => {
    if (message.topic.startsWith('/contractMarket/tickerV2')) tickerPushes += 1;
  });
  await waitFor(
    () => publicStream.stats().state === 'open' && privateStream.stats().state === 'open',
    'both streams open',
  );
  await privateStream.subscribe('/contractMarket/tradeOrders');
  await publicStream.subscribe('/contractMarket/tickerV2:XBTUSDTM');
});
afterAll(async () => {
  await rig.stop();
});

function privateStats() {
  const stream = rig.client.privateStream;
  if (stream === undefined) throw new Error('private stream expected');
  return stream.stats();
}

async function expectOrderPushFlows(): Promise<void> {
  const before = orderPushes.length;
  const placed = await rig.client.rest.placeOrder({
    symbol: 'XBTUSDTM',
    side: 'buy',
    type: 'limit',
    price: '1000',
    size: 1,
    leverage: 3,
  });
  await waitFor(
    () => orderPushes.slice(before).some((m) => (m.data as { orderId?: string }).orderId === placed.orderId),
    'the order push after reconnect',
  );
  await rig.client.rest.cancelOrder(placed.orderId);
}

async function expectTickerFlows(): Promise<void> {
  const before = tickerPushes;
  await waitFor(() => tickerPushes > before, 'ticker pushes after reconnect');
}

function reconcilesSince(index: number): number {
  return privateEvents.slice(index).filter((e) => e.type === 'reconcile-needed').length;
}

describe('WebSocket streams against venue faults', () => {
  it('token expiry: reconnects with a fresh token (never the expired one), resubscribes and asks for reconcile', async () => {
    const mark = privateEvents.length;
    const before = privateStats();
    expect(rig.venue.admin.expireTokens()).toBeGreaterThan(0);
    await waitFor(
      () => reconcilesSince(mark) >= 1 && privateStats().state === 'open',
      'private reconnect after token expiry',
    );
    const after = privateStats();
    // Every connect fetched its own token: no reconnect loop on the expired one (docs/reference/kucoin-futures.md#token-expiry).
    expect(after.tokensFetched - before.tokensFetched).toBe(after.connects - before.connects);
    expect(after.connects - before.connects).toBe(1);
    expect(
      privateEvents
        .slice(mark)
        .some(
          (e) => e.type === 'resubscribed' && e.topics === after.topics.length && after.topics.length >= 1,
        ),
    ).toBe(true);
    await expectOrderPushFlows();
    await expectTickerFlows();
  });

  it('silent death: no message and no pong → the watchdog reconnects', async () => {
    const mark = privateEvents.length;
    const publicMark = publicEvents.length;
    rig.venue.admin.silenceWebSockets(true);
    await waitFor(
      () => privateEvents.slice(mark).some((e) => e.type === 'disconnected'),
      'the private watchdog to declare the link dead',
    );
    await waitFor(
      () => reconcilesSince(mark) >= 1 && privateStats().state === 'open',
      'private reconnect after silence',
    );
    await waitFor(
      () => publicEvents.slice(publicMark).some((e) => e.type === 'connected' && e.reconnect),
      'public reconnect after silence',
    );
    rig.venue.admin.silenceWebSockets(false);
    const reason = privateEvents.slice(mark).find((e) => e.type === 'disconnected');
    expect(reason?.type === 'disconnected' ? reason.reason : '').toMatch(/pong missed|silent/);
    await expectOrderPushFlows();
    await expectTickerFlows();
  });

  it('abrupt disconnect: reconnects with back-off, resubscribes, reconcile event', async () => {
    const mark = privateEvents.length;
    const publicMark = publicEvents.length;
    expect(rig.venue.admin.disconnectWebSockets()).toBeGreaterThanOrEqual(2);
    await waitFor(
      () => reconcilesSince(mark) >= 1 && privateStats().state === 'open',
      'private reconnect after disconnect',
    );
    expect(privateEvents.slice(mark).some((e) => e.type === 'reconnect-scheduled')).toBe(true);
    await waitFor(
      () => publicEvents.slice(publicMark).some((e) => e.type === 'resubscribed'),
      'public resubscribe',
    );
    expect(publicEvents.slice(publicMark).some((e) => e.type === 'reconcile-needed')).toBe(false);
    await expectOrderPushFlows();
    await expectTickerFlows();
  });

  it('the level-2 book re-snapshots after a reconnect and stays in sequence', async () => {
    const book = await rig.client.openBook('XBTUSDTM');
    await waitFor(() => book.stats().state === 'live' && book.bids(1).length === 1, 'a live book');
    const snapshots = book.stats().snapshots;
    rig.venue.admin.disconnectWebSockets();
    await waitFor(
      () => book.stats().snapshots > snapshots && book.stats().state === 'live',
      'a re-snapshot after reconnect',
    );
    const sequence = book.stats().sequence;
    await waitFor(() => book.stats().sequence > sequence, 'book updates after the re-snapshot');
    const bestBid = Number(book.bids(1)[0]?.[0]);
    const bestAsk = Number(book.asks(1)[0]?.[0]);
    expect(bestBid).toBeLessThan(bestAsk);
  });
});
