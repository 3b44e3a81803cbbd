// Every way an order placement can end after it may have reached KuCoin must be OrderUnknownError
// (reconcile by clientOid), never a rejection: the network's last hop is replaced by scripted answers,
// everything of ours is real.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConnectionError,
  ExchangeError,
  InsufficientMarginError,
  NetworkError,
  OrderUnknownError,
  RateLimitError,
  RiskRejectedError,
  TimeSyncError,
} from '../../../shared/errors.ts';
import { exchangeConfigSchema, type ExchangeConfig } from '../../config/sections/exchange.ts';
import { silentLogger } from '../../observability/logger.ts';
import { createCircuitBreaker } from '../../resilience/circuit-breaker.ts';
import { createRateLimiter } from '../../resilience/rate-limiter.ts';
import { systemClock, type Clock } from '../../time/clock.ts';
import { createTimeSync } from '../../time/time-sync.ts';
import { placeOrderCall } from './endpoints/orders.ts';
import { tickerCall } from './endpoints/market.ts';
import { createHttpPool, type FetchLike, type UndiciInit } from './http-pool.ts';
import { createRestTransport, type RestTransport } from './rest-transport.ts';
import { createRequestSigner } from './signer.ts';

const config = exchangeConfigSchema.parse({ rest: { getRetryMaxAttempts: 0 } });
const running: RestTransport[] = [];

async function transportAnswering(answer: FetchLike): Promise<RestTransport> {
  return (await rigAnswering(answer)).transport;
}

async function rigAnswering(answer: FetchLike, clock: Clock = systemClock, tuned: ExchangeConfig = config) {
  const { rateLimit } = tuned;
  const timeSync = createTimeSync({
    config: tuned.timeSync,
    clock,
    logger: silentLogger,
    fetchServerTime: () => Promise.resolve(clock.now()),
  });
  await timeSync.sync();
  const limiter = createRateLimiter({ config: rateLimit, clock, logger: silentLogger });
  const breaker = () => createCircuitBreaker({ config: config.breaker, clock, logger: silentLogger });
  const transport = createRestTransport({
    config: config.rest,
    baseUrls: { futures: 'http://127.0.0.1:9', general: 'http://127.0.0.1:9' },
    pool: createHttpPool(config.rest, answer),
    signer: createRequestSigner({ apiKey: 'k', apiSecret: 's', passphrase: 'p', keyVersion: '3' }),
    limiter,
    breakers: { futures: breaker(), general: breaker() },
    timeSync,
    logger: silentLogger,
  });
  running.push(transport);
  return { transport, limiter };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((transport) => transport.stop()));
});

const order = {
  clientOid: 'doubt-1',
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  price: '1000',
  size: 1,
  leverage: 3,
} as const;
const place = (transport: RestTransport, timeoutMs = 5_000) =>
  transport.request(placeOrderCall(order, timeoutMs)).then(
    () => undefined,
    (error: unknown) => error,
  );

const answer =
  (status: number, text: string): FetchLike =>
  () =>
    Promise.resolve(new Response(text, { status, headers: { 'content-type': 'application/json' } }));
const success = (data: unknown): string => JSON.stringify({ code: '200000', data });
/** Never answers; rejects with the transport's abort reason, as undici does. */
const hanging: FetchLike = (_url: string, init: UndiciInit) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal.addEventListener(
      'abort',
      () => {
        reject(init.signal.reason as Error);
      },
      { once: true },
    );
  });
const throwing =
  (error: Error): FetchLike =>
  () =>
    Promise.reject(error);
const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

async function expectUnknown(
  transport: RestTransport,
  transportCode: string,
  timeoutMs?: number,
): Promise<OrderUnknownError> {
  const error = await place(transport, timeoutMs);
  expect(error).toBeInstanceOf(OrderUnknownError);
  const unknown = error as OrderUnknownError;
  expect(unknown.code).toBe('order-outcome-unknown');
  expect(unknown.details).toMatchObject({
    clientOid: 'doubt-1',
    route: 'POST /api/v1/orders',
    transportCode,
  });
  return unknown;
}

describe('an order placement that may have arrived is an unknown outcome', () => {
  it('a 502 gateway page (not JSON)', async () => {
    await expectUnknown(
      await transportAnswering(answer(502, '<html>bad gateway</html>')),
      'exchange-unavailable',
    );
  });

  it("a 500 with KuCoin's 500000 envelope", async () => {
    await expectUnknown(
      await transportAnswering(answer(500, JSON.stringify({ code: '500000', msg: 'Internal Server Error' }))),
      'exchange-unavailable',
    );
  });

  it('a 200 whose body is not JSON', async () => {
    const error = await expectUnknown(
      await transportAnswering(answer(200, '<html>proxy</html>')),
      'malformed-response',
    );
    expect(error.details.reason).toBe('not JSON');
  });

  it('a 200 whose JSON is not a KuCoin envelope', async () => {
    await expectUnknown(
      await transportAnswering(answer(200, JSON.stringify({ data: { orderId: '1' } }))),
      'malformed-response',
    );
  });

  it("a 404 page that is not KuCoin's: we cannot read who refused it", async () => {
    await expectUnknown(await transportAnswering(answer(404, '<html>not here</html>')), 'malformed-response');
  });

  it('a 200000 without the orderId', async () => {
    const error = await expectUnknown(
      await transportAnswering(answer(200, success({ clientOid: 'doubt-1' }))),
      'malformed-response',
    );
    expect(error.details.reason).toMatch(/orderId/);
  });

  it("a 200000 whose clientOid echo is another order's", async () => {
    const error = await expectUnknown(
      await transportAnswering(answer(200, success({ orderId: '7', clientOid: 'someone-else' }))),
      'malformed-response',
    );
    expect(error.details.reason).toMatch(/someone-else/);
  });

  it('a success code on a non-2xx status', async () => {
    await expectUnknown(
      await transportAnswering(answer(400, success({ orderId: '7', clientOid: 'doubt-1' }))),
      'malformed-response',
    );
  });

  it('our own timeout', async () => {
    await expectUnknown(await transportAnswering(hanging), 'request-timeout', 20);
  });

  it('a connection reset after sending', async () => {
    await expectUnknown(
      await transportAnswering(throwing(withCode('other side closed', 'UND_ERR_SOCKET'))),
      'connection-failed',
    );
  });

  it('undici\'s code-less "fetch failed"', async () => {
    await expectUnknown(
      await transportAnswering(throwing(new TypeError('fetch failed'))),
      'connection-failed',
    );
  });

  it('an answer whose body breaks off while being read', async () => {
    const broken: FetchLike = () =>
      Promise.resolve(
        new Response(
          new ReadableStream({
            start(controller) {
              controller.error(new TypeError('terminated'));
            },
          }),
          { status: 200 },
        ),
      );
    await expectUnknown(await transportAnswering(broken), 'connection-failed');
  });

  it('the client stopping while the order is in flight', async () => {
    const transport = await transportAnswering(hanging);
    const pending = place(transport);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await transport.stop();
    const error = await pending;
    expect(error).toBeInstanceOf(OrderUnknownError);
    expect((error as OrderUnknownError).details).toMatchObject({
      clientOid: 'doubt-1',
      transportCode: 'client-stopped',
    });
  });
});

describe('what is not doubt stays what it is', () => {
  it('a refused connection never left: ConnectionError with sent = false', async () => {
    const error = await place(
      await transportAnswering(
        throwing(new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') })),
      ),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).details.sent).toBe(false);
  });

  it("KuCoin's own refusal is definitive", async () => {
    expect(
      await place(
        await transportAnswering(
          answer(200, JSON.stringify({ code: '300003', msg: 'Balance insufficient' })),
        ),
      ),
    ).toBeInstanceOf(InsufficientMarginError);
  });

  it('a bare HTTP 429 is the gateway throttling before any processing', async () => {
    expect(await place(await transportAnswering(answer(429, 'Too Many Requests')))).toBeInstanceOf(
      RateLimitError,
    );
  });

  it('a malformed answer to a read is still ExchangeError malformed-response', async () => {
    const transport = await transportAnswering(answer(200, '<html>proxy</html>'));
    const error = await transport.request(tickerCall('XBTUSDTM')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).code).toBe('malformed-response');
  });
});

describe('the admit hook of an order placement', () => {
  /** Answers every order with its own clientOid echo and records each body sent. */
  function recordingVenue() {
    const bodies: string[] = [];
    const fetch: FetchLike = (_url, init) => {
      bodies.push(init.body ?? '');
      const sent = JSON.parse(init.body ?? '{}') as { clientOid?: string };
      return Promise.resolve(
        new Response(success({ orderId: '9', clientOid: sent.clientOid }), { status: 200 }),
      );
    };
    return { bodies, fetch };
  }
  const futuresUsed = (limiter: { usage(): readonly { pool: string; used: number }[] }) =>
    limiter.usage().find((u) => u.pool === 'Futures')?.used;

  it('runs once, after the permit and before anything is sent; it is never part of the body', async () => {
    const venue = recordingVenue();
    const { transport } = await rigAnswering(venue.fetch);
    const seenAtAdmit: number[] = [];
    await transport.request(
      placeOrderCall(
        {
          ...order,
          admit: () => {
            seenAtAdmit.push(venue.bodies.length);
          },
        },
        5_000,
      ),
    );
    expect(seenAtAdmit).toEqual([0]);
    expect(venue.bodies).toHaveLength(1);
    expect(venue.bodies[0]).not.toContain('admit');
    expect(JSON.parse(venue.bodies[0] ?? '{}')).toEqual({
      clientOid: 'doubt-1',
      side: 'buy',
      symbol: 'XBTUSDTM',
      leverage: 3,
      type: 'limit',
      price: '1000',
      size: 1,
    });
  });

  const refusals: readonly (readonly [string, () => Error])[] = [
    ['a risk refusal', () => new RiskRejectedError('trading-halted', 'Trading is halted.')],
    ['a NetworkError (never turned into an unknown outcome)', () => new NetworkError('whatever', 'x')],
    [
      'a 400002-looking TimeSyncError (never resynced and resent)',
      () => new TimeSyncError('timestamp-rejected', 'x'),
    ],
  ];
  it.each(refusals)(
    'when it throws %s: nothing is sent, the permit is refunded, the same error reaches the caller',
    async (_name, make) => {
      const venue = recordingVenue();
      const { transport, limiter } = await rigAnswering(venue.fetch);
      const refusal = make();
      const usedBefore = futuresUsed(limiter);
      const error = await transport
        .request(
          placeOrderCall(
            {
              ...order,
              admit: () => {
                throw refusal;
              },
            },
            5_000,
          ),
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBe(refusal);
      expect(venue.bodies).toEqual([]);
      expect(futuresUsed(limiter)).toBe(usedBefore);
    },
  );

  it('an entry that waited in the queue while the clock became untrusted is refused at its turn, unsent', async () => {
    const bodies: string[] = [];
    let answerFirst: () => void = () => undefined;
    const slow: FetchLike = (_url, init) => {
      bodies.push(init.body ?? '');
      const sent = JSON.parse(init.body ?? '{}') as { clientOid?: string };
      const response = new Response(success({ orderId: '9', clientOid: sent.clientOid }), { status: 200 });
      return bodies.length === 1
        ? new Promise<Response>((resolve) => {
            answerFirst = () => {
              resolve(response);
            };
          })
        : Promise.resolve(response);
    };
    // One slot on the wire; an assumed drift of 1 ms per ms, so a 2 s jump of our clock leaves 2 s of
    // uncertainty (more than the 1.25 s entries tolerate) while staying inside the 5 s queue deadline.
    const time = { jumpMs: 0 };
    const clock: Clock = { now: () => Date.now() + time.jumpMs };
    const tuned = exchangeConfigSchema.parse({
      rest: { getRetryMaxAttempts: 0 },
      timeSync: { localClockDriftPpm: 1_000_000 },
      rateLimit: { maxConcurrentRequests: 1, protectiveConcurrentSlots: 0 },
    });
    const { transport } = await rigAnswering(slow, clock, tuned);
    const first = transport.request(placeOrderCall({ ...order, clientOid: 'first' }, 5_000));
    const second = transport.request(placeOrderCall({ ...order, clientOid: 'second' }, 5_000)).then(
      () => undefined,
      (e: unknown) => e,
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(bodies).toHaveLength(1);
    time.jumpMs = 2_000;
    answerFirst();
    await first;
    const error = await second;
    expect(error).toBeInstanceOf(TimeSyncError);
    expect((error as TimeSyncError).code).toBe('clock-uncertain');
    expect(bodies).toHaveLength(1);
  });
});
