import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { createManualVenueClock } from '../../../src/main/venue/core/index.ts';
import type { KcSocket, WsFrame } from './kucoin-test-client.ts';
import { KcClient, openKcSocket } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

interface DepthData {
  bids: [string, number][];
  asks: [string, number][];
  sequence: number;
  timestamp: number;
  ts: number;
}

interface Snapshot {
  sequence: number;
  bids: [number, number][];
  asks: [number, number][];
}

const depthOf = (frame: WsFrame): DepthData => frame.data as DepthData;

describe('WS /contractMarket/level2Depth5 and level2Depth50 (docs/reference/kucoin-futures.md#ws-public-topics) over loopback', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let socket: KcSocket;

  beforeAll(async () => {
    // Manual venue time: the book only changes when the test moves it, so REST and WS can be compared.
    venue = await startTestVenue({ venueClock: createManualVenueClock(Date.UTC(2026, 0, 5)) });
    kc = new KcClient(venue.restUrl, venue.credentials);
    socket = (await openKcSocket(kc, 'public')).socket;
  });
  afterAll(async () => {
    socket.close();
    await venue.stop();
  });

  /** Frames sent before the pong were sent before the ping was answered (one ordered stream). */
  async function barrier(): Promise<number> {
    const id = `b${Math.random().toString(36).slice(2)}`;
    socket.send({ id, type: 'ping' });
    const pong = await socket.next((f) => f.id === id && f.type === 'pong');
    return socket.frames.indexOf(pong);
  }

  function depthFrames(topic: string, from = 0): WsFrame[] {
    return socket.frames.slice(from).filter((f) => f.topic === topic);
  }

  it('pushes the top 5 / 50 levels in KuCoin shape, equal to the REST book, with sn = timestamp', async () => {
    expect((await socket.subscribe('/contractMarket/level2Depth5:XBTUSDTM')).type).toBe('ack');
    expect((await socket.subscribe('/contractMarket/level2Depth50:XBTUSDTM')).type).toBe('ack');
    const from = socket.frames.length;
    venue.admin.advanceTime(1_000); // one price step refills the synthetic book
    const five = await socket.next(
      (f) => f.topic === '/contractMarket/level2Depth5:XBTUSDTM' && socket.frames.indexOf(f) >= from,
    );
    const fifty = await socket.next(
      (f) => f.topic === '/contractMarket/level2Depth50:XBTUSDTM' && socket.frames.indexOf(f) >= from,
    );
    expect(five).toMatchObject({ type: 'message', subject: 'level2' });
    const d5 = depthOf(five);
    const d50 = depthOf(fifty);
    expect(five.sn).toBe(d5.timestamp);
    expect(d5.ts).toBe(d5.timestamp);
    expect(d5.bids).toHaveLength(5);
    expect(d5.asks).toHaveLength(5);
    expect(d50.bids.length).toBeGreaterThan(5);
    expect(d50.bids.length).toBeLessThanOrEqual(50);
    for (const [price, size] of [...d5.bids, ...d5.asks]) {
      expect(typeof price).toBe('string');
      expect(Number.isInteger(size) && size > 0).toBe(true);
    }
    const bidPrices = d50.bids.map(([p]) => Number(p));
    const askPrices = d50.asks.map(([p]) => Number(p));
    expect(bidPrices).toEqual([...bidPrices].sort((a, b) => b - a));
    expect(askPrices).toEqual([...askPrices].sort((a, b) => a - b));
    expect(bidPrices[0]).toBeLessThan(askPrices[0]!);
    expect(d50.bids.slice(0, 5)).toEqual(d5.bids);

    const rest = (await kc.publicGet('/api/v1/level2/depth100', 'symbol=XBTUSDTM')).json.data as Snapshot;
    expect(d5.sequence).toBe(rest.sequence);
    expect(d5.bids.map(([p, s]) => [Number(p), s])).toEqual(rest.bids.slice(0, 5));
    expect(d5.asks.map(([p, s]) => [Number(p), s])).toEqual(rest.asks.slice(0, 5));
  });

  it('pushes at most every 100 ms of venue time; a change inside the window waits for the next step', async () => {
    await socket.subscribe('/contractMarket/level2Depth5:XBTUSDTM');
    venue.admin.advanceTime(1_000);
    const settled = await barrier();
    const last = depthFrames('/contractMarket/level2Depth5:XBTUSDTM').at(-1);
    expect(last).toBeDefined();
    const lastAt = depthOf(last!).timestamp;
    // Two book changes at the same venue time: inside the 100 ms window, so no push yet.
    venue.admin.jumpPrice('XBTUSDTM', 1);
    venue.admin.jumpPrice('XBTUSDTM', -1);
    const after = await barrier();
    expect(depthFrames('/contractMarket/level2Depth5:XBTUSDTM', settled + 1).length).toBe(0);
    venue.admin.advanceTime(1_000);
    const next = await socket.next(
      (f) => f.topic === '/contractMarket/level2Depth5:XBTUSDTM' && socket.frames.indexOf(f) > after,
    );
    expect(depthOf(next).timestamp - lastAt).toBeGreaterThanOrEqual(100);
  });

  it('unsubscribed sockets get no depth; unknown depth sizes are 404', async () => {
    const quiet = (await openKcSocket(kc, 'public')).socket;
    try {
      expect(await quiet.subscribe('/contractMarket/level2Depth20:XBTUSDTM')).toMatchObject({
        type: 'error',
        code: 404,
      });
      expect((await quiet.subscribe('/contractMarket/level2Depth5:ETHUSDTM')).type).toBe('ack');
      venue.admin.advanceTime(1_000);
      await quiet.next((f) => f.topic === '/contractMarket/level2Depth5:ETHUSDTM');
      expect(quiet.frames.some((f) => f.topic === '/contractMarket/level2Depth5:XBTUSDTM')).toBe(false);
    } finally {
      quiet.close();
    }
  });
});
