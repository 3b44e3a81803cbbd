import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import type { KcSocket } from './kucoin-test-client.ts';
import { KcClient, KcSocket as Socket, openKcSocket, rawRequest } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

describe('WebSocket protocol (docs/reference/kucoin-futures.md#websocket)', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let other: KcClient;
  const sockets: KcSocket[] = [];

  beforeAll(async () => {
    venue = await startTestVenue({ keys: [{}, {}] });
    kc = new KcClient(venue.restUrl, venue.credentials);
    other = new KcClient(venue.restUrl, venue.keys[1]!);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await venue.stop();
  });

  async function open(kind: 'public' | 'private', client = kc, connectId?: string) {
    const opened = await openKcSocket(client, kind, connectId);
    sockets.push(opened.socket);
    return opened;
  }

  it('welcome carries the connectId; ping gets a pong with the same id', async () => {
    const { socket, welcome } = await open('public', kc, 'hQvf8jkno');
    expect(welcome).toEqual({ id: 'hQvf8jkno', type: 'welcome' });
    socket.send({ id: '1545910590801', type: 'ping' });
    expect(await socket.next((f) => f.type === 'pong')).toMatchObject({ id: '1545910590801', type: 'pong' });
  });

  it('subscribe with response:true is acked; ticker and instrument messages follow price moves', async () => {
    const { socket } = await open('public');
    expect(await socket.subscribe('/contractMarket/tickerV2:XBTUSDTM')).toEqual({
      id: expect.any(String) as string,
      type: 'ack',
    });
    expect((await socket.subscribe('/contract/instrument:XBTUSDTM')).type).toBe('ack');
    venue.admin.jumpPrice('XBTUSDTM', 1);
    const ticker = await socket.next((f) => f.subject === 'tickerV2');
    expect(ticker).toMatchObject({
      topic: '/contractMarket/tickerV2:XBTUSDTM',
      type: 'message',
      subject: 'tickerV2',
      data: { symbol: 'XBTUSDTM' },
    });
    const mark = await socket.next((f) => f.subject === 'mark.index.price');
    expect(mark).toMatchObject({
      topic: '/contract/instrument:XBTUSDTM',
      data: { markPrice: expect.any(Number) as number },
    });
  });

  it('comma-separated multi-symbol subscriptions deliver each symbol on its own topic', async () => {
    const { socket } = await open('public');
    expect((await socket.subscribe('/contractMarket/tickerV2:XBTUSDTM,ETHUSDTM')).type).toBe('ack');
    venue.admin.jumpPrice('ETHUSDTM', -1);
    venue.admin.jumpPrice('XBTUSDTM', -1);
    await socket.next((f) => f.topic === '/contractMarket/tickerV2:ETHUSDTM');
    await socket.next((f) => f.topic === '/contractMarket/tickerV2:XBTUSDTM');
  });

  it('level2 messages carry sn = sequence; execution and candles flow after a trade', async () => {
    const { socket } = await open('public');
    for (const topic of [
      '/contractMarket/level2:XBTUSDTM',
      '/contractMarket/execution:XBTUSDTM',
      '/contractMarket/limitCandle:XBTUSDTM_1min',
    ]) {
      expect((await socket.subscribe(topic)).type).toBe('ack');
    }
    await kc.data('POST', '/api/v1/orders', {
      clientOid: `ws-${Date.now()}`,
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 5,
      type: 'market',
      size: 1,
    });
    venue.admin.advanceTime(61_000);
    const match = await socket.next((f) => f.subject === 'match');
    expect(match).toMatchObject({
      topic: '/contractMarket/execution:XBTUSDTM',
      data: { symbol: 'XBTUSDTM', size: expect.any(Number) as number },
    });
    const l2 = await socket.next((f) => f.subject === 'level2');
    expect(l2.sn).toBe((l2.data as { sequence: number }).sequence);
    await socket.next((f) => f.subject === 'candle.stick');
  });

  it('errors: 404 unknown topic, 406 no topic, 400 bad candle type, 415 unknown command, 403 private topic on a public token', async () => {
    const { socket } = await open('public');
    expect(await socket.subscribe('/futuresTrade/orders')).toMatchObject({ type: 'error', code: 404 });
    socket.send({ id: 'no-topic', type: 'subscribe', response: true });
    expect(await socket.next((f) => f.id === 'no-topic')).toMatchObject({ type: 'error', code: 406 });
    expect(await socket.subscribe('/contractMarket/limitCandle:XBTUSDTM_7min')).toMatchObject({
      type: 'error',
      code: 400,
    });
    socket.send({ id: 'odd', type: 'dance' });
    expect(await socket.next((f) => f.id === 'odd')).toMatchObject({ type: 'error', code: 415 });
    expect(await socket.subscribe('/contractMarket/tradeOrders', true)).toMatchObject({
      type: 'error',
      code: 403,
    });
  });

  it('unsubscribe is acked and stops the topic', async () => {
    const { socket } = await open('public');
    await socket.subscribe('/contractMarket/tickerV2:SOLUSDTM');
    socket.send({
      id: 'unsub-1',
      type: 'unsubscribe',
      topic: '/contractMarket/tickerV2:SOLUSDTM',
      privateChannel: false,
      response: true,
    });
    expect(await socket.next((f) => f.id === 'unsub-1')).toEqual({ id: 'unsub-1', type: 'ack' });
    // A second subscription on another topic proves the socket is alive; no SOL ticker arrives after the ack.
    await socket.subscribe('/contract/instrument:SOLUSDTM');
    const count = socket.frames.length;
    venue.admin.jumpPrice('SOLUSDTM', 2);
    await socket.next((f) => f.subject === 'mark.index.price' && socket.frames.indexOf(f) >= count);
    expect(socket.frames.slice(count).some((f) => f.subject === 'tickerV2')).toBe(false);
  });

  it('private topics reach only their user: tradeOrders (per symbol and all), position, wallet', async () => {
    const mine = (await open('private', kc)).socket;
    const theirs = (await open('private', other)).socket;
    for (const topic of [
      '/contractMarket/tradeOrders:XBTUSDTM',
      '/contractMarket/tradeOrders',
      '/contract/position:XBTUSDTM',
      '/contractAccount/wallet',
    ]) {
      expect((await mine.subscribe(topic, true)).type).toBe('ack');
      expect((await theirs.subscribe(topic, true)).type).toBe('ack');
    }
    const clientOid = `priv-${Date.now()}`;
    await kc.data('POST', '/api/v1/orders', {
      clientOid,
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 5,
      type: 'market',
      size: 1,
    });
    const perSymbol = await mine.next((f) => f.topic === '/contractMarket/tradeOrders:XBTUSDTM');
    expect(perSymbol).toMatchObject({
      type: 'message',
      subject: 'symbolOrderChange',
      channelType: 'private',
      data: { symbol: 'XBTUSDTM' },
    });
    expect(await mine.next((f) => f.topic === '/contractMarket/tradeOrders')).toMatchObject({
      subject: 'orderChange',
    });
    await mine.next((f) => f.topic === '/contract/position:XBTUSDTM');
    await mine.next((f) => f.topic === '/contractAccount/wallet');
    // The other user got nothing about this order.
    await theirs.subscribe('/contract/instrument:XBTUSDTM');
    expect(
      theirs.frames.some(
        (f) => f.type === 'message' && f.topic !== undefined && !f.topic.startsWith('/contract/instrument'),
      ),
    ).toBe(false);
  });

  it('advancedOrders and marginMode topics carry stop-order and user-config changes', async () => {
    const { socket } = await open('private', kc);
    expect((await socket.subscribe('/contractMarket/advancedOrders', true)).type).toBe('ack');
    expect((await socket.subscribe('/contract/marginMode', true)).type).toBe('ack');
    const ticker = await kc.data<{ price: string }>('GET', '/api/v1/ticker', { symbol: 'SOLUSDTM' });
    const stopPrice = (Math.floor(Number(ticker.price) * 0.5 * 100) / 100).toFixed(2);
    const placed = await kc.data<{ orderId: string }>('POST', '/api/v1/orders', {
      clientOid: `adv-${Date.now()}`,
      side: 'sell',
      symbol: 'SOLUSDTM',
      leverage: 5,
      type: 'market',
      size: 1,
      stop: 'down',
      stopPrice,
      stopPriceType: 'TP',
    });
    expect(await socket.next((f) => f.subject === 'stopOrder')).toMatchObject({
      topic: '/contractMarket/advancedOrders',
      channelType: 'private',
      data: { orderId: placed.orderId, type: 'open' },
    });
    await kc.data('DELETE', '/api/v1/stopOrders', { symbol: 'SOLUSDTM' });
    await kc.data('POST', '/api/v2/position/changeMarginMode', { symbol: 'SOLUSDTM', marginMode: 'CROSS' });
    expect(await socket.next((f) => f.topic === '/contract/marginMode')).toMatchObject({
      subject: 'user.config',
      data: { SOLUSDTM: 'CROSS' },
    });
  });

  it('admin.publish pushes a drill event to its subscribers only (private: only its user)', async () => {
    const mine = (await open('private', kc)).socket;
    const theirs = (await open('private', other)).socket;
    await mine.subscribe('/contract/positionAll', true);
    await theirs.subscribe('/contract/positionAll', true);
    const data = {
      fundingTime: 1,
      qty: 1,
      markPrice: 90_000,
      fundingRate: 0.0001,
      fundingFee: -0.009,
      ts: 1,
      settleCurrency: 'USDT',
    };
    venue.admin.publish({
      topic: '/contract/position:XBTUSDTM',
      subject: 'position.settlement',
      userId: venue.keys[0]!.userId,
      data,
    });
    expect(await mine.next((f) => f.subject === 'position.settlement')).toMatchObject({
      topic: '/contract/positionAll',
      data,
    });
    theirs.send({ id: 'after', type: 'ping' });
    await theirs.next((f) => f.id === 'after');
    expect(theirs.frames.some((f) => f.subject === 'position.settlement')).toBe(false);
  });

  it('refuses an unknown token with error 401 and closes', async () => {
    const socket = new Socket(`${venue.wsUrl}/?token=not-a-token&connectId=x1`);
    sockets.push(socket);
    expect(await socket.next(() => true)).toMatchObject({ id: 'x1', type: 'error', code: 401 });
    await socket.closed;
  });

  it('expired tokens: existing connections close and the token is refused afterwards', async () => {
    const res = await rawRequest('POST', `${venue.restUrl}/api/v1/bullet-public`);
    const { token, instanceServers } = res.json.data as {
      token: string;
      instanceServers: { endpoint: string }[];
    };
    const url = `${instanceServers[0]!.endpoint}?token=${token}&connectId=exp`;
    const socket = new Socket(url);
    sockets.push(socket);
    await socket.next((f) => f.type === 'welcome');
    expect(venue.admin.expireTokens()).toBeGreaterThan(0);
    await socket.closed;
    const again = new Socket(url);
    sockets.push(again);
    expect(await again.next(() => true)).toMatchObject({ type: 'error', code: 401 });
  });
});

describe('WebSocket token lifetime', () => {
  const clock = { ms: Date.now(), now: () => clock.ms };
  let venue: RunningVenue;

  beforeAll(async () => {
    venue = await startTestVenue({
      clock,
      venue: { tokenTtlMs: 60_000 },
      server: { wsIdleTimeoutMs: 3_600_000, wsSweepIntervalMs: 20 },
    });
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('a connection ends when its token reaches its lifetime, and the token no longer connects', async () => {
    const kc = new KcClient(venue.restUrl, venue.credentials);
    const { socket, bullet } = await openKcSocket(kc, 'public', 'ttl');
    clock.ms += 60_001;
    await socket.closed;
    const { token, instanceServers } = bullet as { token: string; instanceServers: { endpoint: string }[] };
    const again = new Socket(`${instanceServers[0]!.endpoint}?token=${token}&connectId=ttl2`);
    expect(await again.next(() => true)).toMatchObject({ type: 'error', code: 401 });
    again.close();
  });
});

describe('WebSocket idle timeout (docs/reference/kucoin-futures.md#ws-ping)', () => {
  const clock = { ms: Date.now(), now: () => clock.ms };
  let venue: RunningVenue;

  beforeAll(async () => {
    venue = await startTestVenue({ clock, server: { wsIdleTimeoutMs: 30_000, wsSweepIntervalMs: 20 } });
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('a client that pings stays; one that goes quiet past the idle timeout is closed', async () => {
    const kc = new KcClient(venue.restUrl, venue.credentials);
    const quiet = await openKcSocket(kc, 'public', 'quiet');
    const chatty = await openKcSocket(kc, 'public', 'chatty');
    clock.ms += 20_000;
    chatty.socket.send({ id: 'p1', type: 'ping' });
    await chatty.socket.next((f) => f.id === 'p1');
    clock.ms += 15_000;
    const closed = await quiet.socket.closed;
    expect(closed.reason).toBe('ping timeout');
    chatty.socket.send({ id: 'p2', type: 'ping' });
    expect(await chatty.socket.next((f) => f.id === 'p2')).toMatchObject({ type: 'pong' });
    chatty.socket.close();
  });
});

describe('WebSocket limits (docs/reference/kucoin-futures.md#ws-limits)', () => {
  let venue: RunningVenue;
  let kc: KcClient;

  beforeAll(async () => {
    venue = await startTestVenue({
      server: {
        wsMaxSessionsPerUser: 1,
        wsMaxTopicsPerSubscribe: 2,
        wsMaxTopicsPerSession: 3,
        wsUplinkMessagesPer10s: 6,
      },
    });
    kc = new KcClient(venue.restUrl, venue.credentials);
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('509 beyond the topics per subscribe, topics per session and uplink message budgets', async () => {
    const { socket } = await openKcSocket(kc, 'public');
    expect(await socket.subscribe('/contractMarket/tickerV2:XBTUSDTM,ETHUSDTM,SOLUSDTM')).toMatchObject({
      type: 'error',
      code: 509,
    });
    expect((await socket.subscribe('/contractMarket/tickerV2:XBTUSDTM,ETHUSDTM')).type).toBe('ack');
    expect((await socket.subscribe('/contractMarket/tickerV2:SOLUSDTM')).type).toBe('ack');
    expect(await socket.subscribe('/contract/instrument:XBTUSDTM')).toMatchObject({
      type: 'error',
      code: 509,
    });
    for (let i = 0; i < 3; i += 1) socket.send({ id: `burst-${i}`, type: 'ping' });
    expect(await socket.next((f) => f.type === 'error' && f.id === '')).toMatchObject({
      code: 509,
      data: 'exceed max permits per second',
    });
    socket.close();
  });

  it('509 for a private connection beyond the per-user session limit', async () => {
    const first = await openKcSocket(kc, 'private');
    expect(first.welcome.type).toBe('welcome');
    const second = await openKcSocket(kc, 'private');
    expect(second.welcome).toMatchObject({ type: 'error', code: 509 });
    await second.socket.closed;
    first.socket.close();
  });
});
