// The paper venue on a mirrored market (ADR 0180, 0181): a second venue plays KuCoin's public API
// as the upstream; our own KuCoin client reads it; the venue under test must list the upstream's
// contracts and tiers, show its book 100 levels deep, its candles and tape, fill a market order
// level by level across the upstream's book, fill a resting limit only when the upstream tape
// trades through it (after the queue ahead of it), and settle funding at the upstream's time and rate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { createManualVenueClock } from '../../../src/main/venue/core/index.ts';
import type { VenueClock } from '../../../src/main/venue/core/index.ts';
import { startVenue, type RunningVenue } from '../../../src/main/venue/index.ts';
import type { MirroredMarket } from '../../../src/main/venue/mirror/mirror-market.ts';
import { mirrorConfig, mirrorOf, startManualUpstream, until, type ManualUpstream } from './stand-in.ts';

const XBT = 'XBTUSDTM';
const MINUTE = 60_000;
const startMs = Math.floor(Date.now() / MINUTE) * MINUTE;
const config = mirrorConfig({
  venue: {
    historyWarmupMs: 2 * 3_600_000,
    fundingIntervalMs: MINUTE,
    marketData: { historyMinutes: 60, staleAfterMs: 60_000 },
  },
});

let upstream: ManualUpstream;
let mirror: MirroredMarket;
let paper: RunningVenue;
let paperClock: VenueClock;

/** One price step of the venue under test. */
function step(ms = config.venue.priceStepMs): void {
  paperClock.advance(ms);
  paper.exchange.advanceTo(paperClock.now());
}

/** Waits until the mirror's copy of the upstream book shows `bestAsk` / `bestBid`. */
async function bookSynced(bestBid: string, bestAsk: string): Promise<void> {
  await until(`mirrored book ${bestBid} / ${bestAsk}`, () => {
    const book = mirror.book(XBT);
    return book?.bids[0]?.price === bestBid && book.asks[0]?.price === bestAsk;
  });
}

/** The upstream's own traders: a market sell of `lots` prints across its bids. */
function upstreamSells(lots: number, clientOid: string): void {
  upstream.venue.exchange.placeOrder('whale', {
    clientOid,
    side: 'sell',
    symbol: XBT,
    type: 'market',
    size: lots,
    leverage: 5,
  });
}

beforeAll(async () => {
  upstream = await startManualUpstream(config, startMs);
  upstream.venue.exchange.openAccount('whale', '100000000');
  upstream.venue.admin.setPrice(XBT, '50000');
  mirror = await mirrorOf(config, upstream.venue, [XBT, 'ETHUSDTM']);
  paperClock = createManualVenueClock(startMs);
  paper = await startVenue({
    config: config.venue,
    logger: silentLogger,
    port: 0,
    upstream: mirror,
    venueClock: paperClock,
  });
  paper.exchange.openAccount('trader', '100000');
  await bookSynced('49999.9', '50000.1');
  step();
});

afterAll(async () => {
  await paper.stop();
  await mirror.close();
  await upstream.venue.stop();
});

describe('the paper venue on a mirrored market', () => {
  it('lists the upstream contracts with their real specs and risk-limit tiers', () => {
    expect(paper.exchange.contractsActive().map((contract) => contract.symbol)).toEqual([XBT, 'ETHUSDTM']);
    for (const symbol of [XBT, 'ETHUSDTM']) {
      const theirs = upstream.venue.exchange.contract(symbol);
      const ours = paper.exchange.contract(symbol);
      for (const field of [
        'tickSize',
        'indexPriceTickSize',
        'lotSize',
        'multiplier',
        'maxLeverage',
        'maxOrderQty',
        'makerFeeRate',
        'takerFeeRate',
        'k',
        'm',
        'f',
        'mmrLimit',
        'mmrLevConstant',
      ] as const) {
        expect({ symbol, field, value: ours[field] }).toEqual({ symbol, field, value: theirs[field] });
      }
      expect(paper.exchange.riskLimitLevels(symbol)).toEqual(upstream.venue.exchange.riskLimitLevels(symbol));
    }
    expect(paper.exchange.markPrice(XBT).value).toBe(50000);
  });

  it('shows the upstream book 100 levels deep on each side (depth100)', () => {
    const ours = paper.exchange.depth(XBT, 100);
    const theirs = upstream.venue.exchange.depth(XBT, 100);
    expect(ours.bids).toHaveLength(100);
    expect(ours.asks).toHaveLength(100);
    expect(ours.bids).toEqual(theirs.bids);
    expect(ours.asks).toEqual(theirs.asks);
  });

  it("opens on the upstream's one-minute history", () => {
    const from = startMs - 60 * MINUTE;
    const ours = paper.exchange.klines(XBT, 1, from, startMs - MINUTE);
    const theirs = upstream.venue.exchange.klines(XBT, 1, from, startMs - MINUTE);
    expect(ours.length).toBeGreaterThanOrEqual(59);
    const ohlcv = (rows: readonly (readonly number[])[]) => rows.map((row) => row.slice(0, 6));
    expect(ohlcv(ours)).toEqual(ohlcv(theirs.filter((row) => ours.some((mine) => mine[0] === row[0]))));
  });

  it("fills a market order level by level across the upstream's asks, slippage in the fill", () => {
    const asks = upstream.venue.exchange.depth(XBT, 20).asks;
    let left = 1200;
    let cost = 0;
    for (const [price, lots] of asks) {
      const take = Math.min(left, lots);
      cost += take * price;
      left -= take;
      if (left === 0) break;
    }
    const expectedAverage = cost / 1200;
    expect(expectedAverage).toBeCloseTo(50000.475, 6); // 500 @ 50000.1, 500 @ 50000.6, 200 @ 50001.1
    const { orderId } = paper.exchange.placeOrder('trader', {
      clientOid: 'walk',
      side: 'buy',
      symbol: XBT,
      type: 'market',
      size: 1200,
      leverage: 10,
    });
    const order = paper.exchange.order('trader', orderId);
    expect(order.dealSize).toBe(1200);
    expect(Number(order.dealValue) / (1200 * 0.001)).toBeCloseTo(expectedAverage, 6);
    const fills = paper.exchange.fills('trader', { orderId }).items;
    expect(fills.map((fill) => [fill.price, fill.size]).sort()).toEqual([
      ['50000.1', 500],
      ['50000.6', 500],
      ['50001.1', 200],
    ]);
  });

  it('fills a resting limit only when the upstream tape trades through it, after the queue ahead', async () => {
    upstream.venue.admin.setPrice(XBT, '50000');
    await bookSynced('49999.9', '50000.1');
    step();
    const { orderId } = paper.exchange.placeOrder('trader', {
      clientOid: 'rest',
      side: 'buy',
      symbol: XBT,
      type: 'limit',
      price: '49998.9',
      size: 10,
      leverage: 10,
    });
    step(); // the order takes its place behind the 500 upstream lots at 49998.9
    upstreamSells(600, 'whale-1'); // prints 500 @ 49999.9 and 100 @ 49999.4: above the limit
    await until('prints above the limit mirrored', () => mirror.feed.priceAt(XBT, 0).lastPrice === '49999.4');
    step();
    expect(paper.exchange.order('trader', orderId).dealSize).toBe(0);
    expect(
      paper.exchange
        .tradeHistory(XBT)
        .slice(0, 2)
        .map((trade) => [trade.price, trade.size, trade.side]),
    ).toEqual([
      ['49999.4', 100, 'sell'],
      ['49999.9', 500, 'sell'],
    ]);
    upstreamSells(900, 'whale-2'); // 400 @ 49999.4, then 500 @ 49998.9: at the limit, but all of it is the queue ahead
    await until('prints at the limit mirrored', () => mirror.feed.priceAt(XBT, 0).lastPrice === '49998.9');
    step();
    expect(paper.exchange.order('trader', orderId).dealSize).toBe(0);
    upstreamSells(300, 'whale-3'); // 300 @ 49998.4: through the limit
    await until(
      'print through the limit mirrored',
      () => mirror.feed.priceAt(XBT, 0).lastPrice === '49998.4',
    );
    step();
    const order = paper.exchange.order('trader', orderId);
    expect(order.dealSize).toBe(10);
    expect(
      paper.exchange
        .fills('trader', { orderId })
        .items.map((fill) => [fill.price, fill.size, fill.liquidity]),
    ).toEqual([['49998.9', 10, 'maker']]);
  });

  it("settles funding at the upstream's funding time and rate", () => {
    const theirs = upstream.venue.exchange.fundingRateCurrent(XBT);
    const position = paper.exchange.position('trader', XBT);
    expect(position.currentQty).toBe(1210);
    expect(paper.exchange.contract(XBT).nextFundingRateTime).toBe(theirs.fundingTime - paperClock.now());
    step(theirs.fundingTime - paperClock.now() + 1000);
    const payments = paper.exchange.fundingPayments('trader', {}).dataList;
    expect(payments).toHaveLength(1);
    expect(payments[0]?.timePoint).toBe(theirs.fundingTime);
    expect(payments[0]?.fundingRate).toBe(theirs.value);
    expect(payments[0]?.positionQty).toBe(1210);
  });

  it('triggers a stop on the mirrored mark and fills it across the upstream bids', async () => {
    const { orderId } = paper.exchange.placeOrder('trader', {
      clientOid: 'stop',
      side: 'sell',
      symbol: XBT,
      type: 'market',
      size: 1210,
      leverage: 10,
      reduceOnly: true,
      stop: 'down',
      stopPrice: '49000',
      stopPriceType: 'MP',
    });
    step();
    expect(paper.exchange.order('trader', orderId).stopTriggered).toBe(false);
    upstream.venue.admin.setPrice(XBT, '48900');
    await until('mirrored mark at 48900', () => mirror.feed.priceAt(XBT, 0).markPrice === '48900.00');
    await bookSynced('48899.9', '48900.1');
    step();
    const order = paper.exchange.order('trader', orderId);
    expect(order.stopTriggered).toBe(true);
    expect(order.dealSize).toBe(1210);
    expect(paper.exchange.position('trader', XBT).currentQty).toBe(0);
    const prices = paper.exchange.fills('trader', { orderId }).items.map((fill) => fill.price);
    expect(new Set(prices)).toEqual(new Set(['48899.9', '48899.4', '48898.9']));
  });

  it('liquidates on the mirrored mark', async () => {
    paper.exchange.openAccount('gambler', '1000');
    paper.exchange.placeOrder('gambler', {
      clientOid: 'all-in',
      side: 'buy',
      symbol: XBT,
      type: 'market',
      size: 100,
      leverage: 100,
    });
    step();
    expect(paper.exchange.position('gambler', XBT).currentQty).toBe(100);
    upstream.venue.admin.setPrice(XBT, '48400');
    await until('mirrored mark at 48400', () => mirror.feed.priceAt(XBT, 0).markPrice === '48400.00');
    await bookSynced('48399.9', '48400.1');
    step();
    expect(paper.exchange.position('gambler', XBT).currentQty).toBe(0);
    expect(paper.exchange.fills('gambler', {}).items.some((fill) => fill.tradeType === 'liquid')).toBe(true);
  });
});
