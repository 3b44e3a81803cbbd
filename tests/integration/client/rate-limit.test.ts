import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitError } from '../../../src/shared/errors.ts';
import { startRig, type ClientRig } from './harness.ts';

let rig: ClientRig;
const windowMs = 2_000;

beforeAll(async () => {
  rig = await startRig({
    // Small pools and a short window keep the burst quick; the client learns the real numbers from headers.
    venue: { rateLimitWindowMs: windowMs, futuresPoolWeightPer30s: 600, publicPoolWeightPer30s: 600 },
    exchange: {
      rateLimit: {
        poolWindowMs: windowMs,
        futuresPoolWeight: 600,
        publicPoolWeight: 600,
        queueCapacity: 1_200,
        protectiveQueueSlots: 100,
        windowResetGuardMs: 50,
      },
      rest: { getRetryMaxAttempts: 0 },
    },
  });
});
afterAll(async () => {
  await rig.stop();
});

type Kind = 'ticker' | 'position' | 'order' | 'cancel' | 'account';

describe('a saturating burst', () => {
  it('1000 mixed requests: zero 429, and protective requests overtake the queued ones', async () => {
    rig.venue.admin.resetRateLimits();
    const contracts = (await rig.client.rest.listActiveContracts()).map((c) => c.symbol);
    const symbols = contracts.slice(0, 3);
    let finished = 0;
    const completion = new Map<Kind, number[]>();
    const errors: unknown[] = [];
    const run = (kind: Kind, i: number): Promise<unknown> => {
      const symbol = symbols[i % symbols.length] ?? 'XBTUSDTM';
      const { rest } = rig.client;
      if (kind === 'ticker') return rest.getTicker(symbol);
      if (kind === 'position') return rest.getPosition(symbol);
      if (kind === 'account') return rest.getAccountOverview();
      if (kind === 'cancel') return rest.cancelOrderByClientOid(`burst-missing-${i}`, symbol);
      return rest.placeOrder({ symbol, side: 'buy', type: 'limit', price: '1', size: 1, leverage: 1 });
    };
    const track = async (kind: Kind, i: number): Promise<void> => {
      try {
        await run(kind, i);
      } catch (error) {
        errors.push(error);
      }
      finished += 1;
      completion.set(kind, [...(completion.get(kind) ?? []), finished]);
    };
    const others = ['ticker', 'position', 'order', 'account'] as const;
    const first = Array.from({ length: 800 }, (_, i) => track(others[i % 4] ?? 'ticker', i));
    // The Futures pool is now saturated and requests are queued; protective requests arrive last.
    expect(rig.client.limiter.usage().find((u) => u.pool === 'Futures')?.queued).toBeGreaterThan(0);
    const cancels = Array.from({ length: 200 }, (_, i) => track('cancel', 800 + i));
    await Promise.all([...first, ...cancels]);
    expect(errors.filter((e) => e instanceof RateLimitError)).toEqual([]);
    expect(finished).toBe(1_000);
    const lastProtective = Math.max(...(completion.get('cancel') ?? []));
    const queuedFutures = [
      ...(completion.get('order') ?? []),
      ...(completion.get('account') ?? []),
      ...(completion.get('position') ?? []),
    ].sort((a, b) => a - b);
    expect(lastProtective).toBeLessThan(queuedFutures[Math.floor(queuedFutures.length / 2)] ?? 0);
    // Within the same pool, new orders go before market-lane reads.
    const orders = completion.get('order') ?? [];
    const accounts = completion.get('account') ?? [];
    expect(Math.max(...orders)).toBeLessThan(Math.max(...accounts));
    expect(rig.client.limiter.usage().find((u) => u.pool === 'Futures')?.queued).toBe(0);
  });
});
