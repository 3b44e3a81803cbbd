import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors.ts';
import { silentLogger } from '../../observability/logger.ts';
import { feedSymbols } from '../core/model/contracts.ts';
import { createTestVenue } from '../core/testing.ts';
import { createMirrorFeed } from './mirror-feed.ts';
import { createRandomWalkFeed } from './random-walk.ts';
import { createReplayFeed, loadReplayFile, parseReplay } from './replay-feed.ts';
import { createManualVenueClock, createVenueClock } from './venue-clock.ts';

const fixtures = join(import.meta.dirname, '../../../../tests/fixtures/venue');
const START = 1_731_916_800_000;

function walk(seed: number) {
  return createRandomWalkFeed({
    seed,
    symbols: feedSymbols(),
    startMs: START,
    stepMs: 1000,
    annualVolatility: 0.6,
    jumpProbability: 0,
    jumpFraction: 0,
    markBasisFraction: 0.00005,
  });
}

describe('random walk feed', () => {
  it('is the same for the same seed, different for another, and stays on the grids', () => {
    const [a, b, c] = [walk(1), walk(1), walk(2)];
    const at = START + 3_600_000;
    expect(a.priceAt('XBTUSDTM', at)).toEqual(b.priceAt('XBTUSDTM', at));
    expect(a.priceAt('XBTUSDTM', at + 1000)).not.toEqual(c.priceAt('XBTUSDTM', at + 1000));
    const point = a.priceAt('ETHUSDTM', at);
    expect(point.lastPrice).toMatch(/^\d+\.\d{2}$/);
    expect(point.markPrice).toMatch(/^\d+\.\d{2}$/);
  });

  it('moves with the configured volatility (one-minute returns near 0.6/√(minutes per year))', () => {
    const feed = walk(3);
    const returns: number[] = [];
    let previous = Number(feed.priceAt('XBTUSDTM', START).indexPrice);
    for (let minute = 1; minute <= 600; minute++) {
      const price = Number(feed.priceAt('XBTUSDTM', START + minute * 60_000).indexPrice);
      returns.push(Math.log(price / previous));
      previous = price;
    }
    const mean = returns.reduce((s, r) => s + r, 0) / returns.length;
    const stdev = Math.sqrt(returns.reduce((s, r) => s + (r - mean) ** 2, 0) / returns.length);
    const expected = 0.6 / Math.sqrt(365 * 24 * 60);
    expect(stdev).toBeGreaterThan(expected * 0.7);
    expect(stdev).toBeLessThan(expected * 1.3);
  });
});

describe('replay feed', () => {
  it('plays the CSV fixture: open at the first row, close at the end of the candle, looping', () => {
    const rows = loadReplayFile(join(fixtures, 'xbtusdtm-1m.csv'));
    expect(rows).toHaveLength(60);
    const feed = createReplayFeed({ symbols: feedSymbols(), series: { XBTUSDTM: rows }, startMs: START });
    expect(feed.priceAt('XBTUSDTM', START).lastPrice).toBe('91694.5');
    expect(feed.priceAt('XBTUSDTM', START + 59_999).lastPrice).toBe('91675.7');
    const low = feed.priceAt('XBTUSDTM', START + 40_000).lastPrice;
    expect(Number(low)).toBeGreaterThanOrEqual(91669.5);
    const span = 59 * 60_000;
    expect(feed.priceAt('XBTUSDTM', START + span + 10_000)).toEqual(
      createReplayFeed({ symbols: feedSymbols(), series: { XBTUSDTM: rows }, startMs: START }).priceAt(
        'XBTUSDTM',
        START + 10_000,
      ),
    );
    expect(feed.priceAt('ETHUSDTM', START).lastPrice).toBe('2556.40');
  });

  it('reads JSON trades and candle arrays, and refuses a broken file', () => {
    const trades = loadReplayFile(join(fixtures, 'ethusdtm-trades.json'));
    expect(trades[0]).toEqual({ timeMs: START, open: 2556.49, high: 2556.49, low: 2556.49, close: 2556.49 });
    expect(parseReplay('[[1000, 1, 2, 0.5, 1.5, 9]]')[0]).toEqual({
      timeMs: 1000,
      open: 1,
      high: 2,
      low: 0.5,
      close: 1.5,
    });
    expect(() => parseReplay('time,open\n1,abc')).toThrow();
    expect(() => parseReplay('open,close\n1,2')).toThrow(/time/);
  });

  it('holds the last close when not looping', () => {
    const rows = loadReplayFile(join(fixtures, 'xbtusdtm-1m.csv'));
    const feed = createReplayFeed({
      symbols: feedSymbols(),
      series: { XBTUSDTM: rows },
      startMs: START,
      loop: false,
    });
    expect(feed.priceAt('XBTUSDTM', START + 120 * 60_000).lastPrice).toBe(String(rows.at(-1)?.close));
  });
});

describe('mirror feed over HTTP', () => {
  const servers: { close(): void }[] = [];
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });

  it('mirrors the prices another venue publishes on /api/v1/ticker and /mark-price', async () => {
    const source = createTestVenue();
    source.move('XBTUSDTM', { mark: '90123.45', index: '90120.01', last: '90125.5' });
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const symbol = url.searchParams.get('symbol') ?? url.pathname.split('/')[4] ?? '';
      const data =
        url.pathname === '/api/v1/ticker'
          ? source.exchange.ticker(symbol)
          : source.exchange.markPrice(symbol);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ code: '200000', data }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    const mirror = createMirrorFeed({
      baseUrl: `http://127.0.0.1:${port}/`,
      symbols: feedSymbols(),
      pollIntervalMs: 1000,
      logger: silentLogger,
      autoStart: false,
    });
    expect(mirror.priceAt('XBTUSDTM', 0).markPrice).toBe('86364.00');
    await mirror.pollOnce();
    expect(mirror.priceAt('XBTUSDTM', 0)).toEqual({
      markPrice: '90123.45',
      indexPrice: '90120.01',
      lastPrice: '90125.5',
    });
    mirror.close();
  });

  it('keeps the last prices when the upstream fails', async () => {
    const failing: typeof fetch = () => Promise.resolve(new Response('nope', { status: 503 }));
    const mirror = createMirrorFeed({
      baseUrl: 'http://upstream.invalid',
      symbols: feedSymbols(),
      pollIntervalMs: 1000,
      logger: silentLogger,
      fetch: failing,
      autoStart: false,
    });
    await mirror.pollOnce();
    expect(mirror.priceAt('ETHUSDTM', 0).lastPrice).toBe('2556.40');
  });
});

describe('venue clock', () => {
  it('runs timeScale times faster than the wall clock and adds manual advances', () => {
    let wall = 1000;
    const clock = createVenueClock({ startMs: START, timeScale: 60, wall: { now: () => wall } });
    wall += 1000;
    expect(clock.now()).toBe(START + 60_000);
    clock.advance(5000);
    clock.advance(-5000);
    expect(clock.now()).toBe(START + 65_000);
  });

  it('a manual clock only moves when advanced', () => {
    const clock = createManualVenueClock(START);
    expect(clock.now()).toBe(START);
    clock.advance(1);
    expect(clock.now()).toBe(START + 1);
  });
});

describe('feed errors are TradingErrors', () => {
  it('a broken replay file and an unknown symbol raise ValidationError', () => {
    expect(() => parseReplay('[{"time": "x"}]')).toThrow(ValidationError);
    expect(() => parseReplay('[oops')).toThrow(ValidationError);
    expect(() => walk(1).priceAt('NOPEUSDTM', START)).toThrow(ValidationError);
  });
});
