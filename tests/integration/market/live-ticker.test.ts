// The ticker the renderer receives (`market:ticker-updated`) is the ticket's reference price: it
// must follow the venue. KuCoin's tickerV2 push carries best bid/ask only, so the last price comes
// from the match stream and mark/index from the instrument stream (ADR 0341). The venue runs with
// no random walk and a mark basis, so mark ≠ index ≠ last are all checkable against its own REST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticker } from '../../../src/shared/ipc/channels/market.ts';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';

const symbol = 'XBTUSDTM';
const sender = { url: 'app://bulwark/index.html', isMainFrame: true };

let testEngine: TestEngine;
const pushed: Ticker[] = [];

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function venue() {
  const running = testEngine.engine.services.venue;
  if (running === undefined) throw new Error('paper mode runs a venue');
  return running;
}

beforeAll(async () => {
  testEngine = await startTestEngine({
    label: 'live-ticker',
    settings: {
      venue: {
        randomWalkAnnualVolatility: 0,
        randomWalkJumpProbability: 0,
        markBasisFraction: 0.001,
        priceStepMs: 50,
      },
    },
  });
  testEngine.engine.events.subscribe((event, payload) => {
    if (event === 'market:ticker-updated' && (payload as Ticker).symbol === symbol)
      pushed.push(payload as Ticker);
  });
  const router = testEngine.engine.createRouter(['app://bulwark']);
  const answer = await router.handle('market:get-ticker', { symbol }, sender);
  expect(answer.ok).toBe(true);
});

afterAll(async () => {
  await testEngine.stop();
});

describe('the renderer-facing ticker follows the venue', () => {
  it('its last price changes when the venue price moves, and its mark and index are the venue’s', async () => {
    const client = testEngine.engine.services.client;
    const start = Number((await client.rest.getTicker(symbol)).price);
    const target = (Math.round(start * 1.05 * 10) / 10).toFixed(1);
    venue().admin.setPrice(symbol, target);
    const moved = await until(
      () =>
        pushed.find(
          (ticker) =>
            ticker.price !== undefined && Math.abs(Number(ticker.price) / Number(target) - 1) < 0.001,
        ),
      'a pushed ticker whose last price followed the venue',
    );
    expect(Math.abs(Number(moved.price) - start)).toBeGreaterThan(start * 0.04);

    // The venue's own mark and index after the move (no random walk: they hold still).
    const mark = await client.rest.getMarkPrice(symbol);
    const expectedIndex = mark.indexPrice;
    const withMark = await until(
      () =>
        pushed.findLast(
          (ticker) => ticker.markPrice !== undefined && Number(ticker.markPrice) === Number(mark.value),
        ),
      `a pushed ticker with the venue's mark ${mark.value}`,
    );
    expect(Number(withMark.indexPrice)).toBe(Number(expectedIndex));
    // Mark and last are different numbers here (basis 0.1 %): the ticker does not pass one off as the other.
    expect(Number(withMark.markPrice)).not.toBe(Number(withMark.indexPrice));
  });

  it('market:get-ticker answers the live last price and mark, not the start-up quote', async () => {
    const client = testEngine.engine.services.client;
    const before = Number((await client.rest.getTicker(symbol)).price);
    const target = (Math.round(before * 0.9 * 10) / 10).toFixed(1);
    venue().admin.setPrice(symbol, target);
    const router = testEngine.engine.createRouter(['app://bulwark']);
    const live = await until(() => {
      const last = pushed.at(-1);
      return last !== undefined && Math.abs(Number(last.price) / Number(target) - 1) < 0.001
        ? last
        : undefined;
    }, 'the push after the second move');
    const asked = await router.handle('market:get-ticker', { symbol }, sender);
    expect(asked.ok).toBe(true);
    const value = (asked as { ok: true; value: Ticker }).value;
    expect(Math.abs(Number(value.price) / Number(target) - 1)).toBeLessThan(0.001);
    expect(value.markPrice).toBeDefined();
    expect(Number(live.price)).toBeLessThan(before);
  });
});
