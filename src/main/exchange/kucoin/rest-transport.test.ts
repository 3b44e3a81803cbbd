// Every way an order placement can end after it may have reached KuCoin must be OrderUnknownError
// (reconcile by clientOid), never a rejection: the network's last hop is replaced by scripted answers,
// everything of ours is real.
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError, ExchangeError, InsufficientMarginError, OrderUnknownError, RateLimitError } from '../../../shared/errors.ts';
import { exchangeConfigSchema } from '../../config/sections/exchange.ts';
import { silentLogger } from '../../observability/logger.ts';
import { createCircuitBreaker } from '../../resilience/circuit-breaker.ts';
import { createRateLimiter } from '../../resilience/rate-limiter.ts';
import { systemClock } from '../../time/clock.ts';
import { createTimeSync } from '../../time/time-sync.ts';
import { placeOrderCall } from './endpoints/orders.ts';
import { tickerCall } from './endpoints/market.ts';
import { createHttpPool, type FetchLike, type UndiciInit } from './http-pool.ts';
import { createRestTransport, type RestTransport } from './rest-transport.ts';
import { createRequestSigner } from './signer.ts';

const config = exchangeConfigSchema.parse({ rest: { getRetryMaxAttempts: 0 } });
const running: RestTransport[] = [];

async function transportAnswering(answer: FetchLike): Promise<RestTransport> {
  const timeSync = createTimeSync({ config: config.timeSync, clock: systemClock, logger: silentLogger, fetchServerTime: () => Promise.resolve(Date.now()) });
  await timeSync.sync();
  const breaker = () => createCircuitBreaker({ config: config.breaker, clock: systemClock, logger: silentLogger });
  const transport = createRestTransport({
    config: config.rest,
    baseUrls: { futures: 'http://127.0.0.1:9', general: 'http://127.0.0.1:9' },
    pool: createHttpPool(config.rest, answer),
    signer: createRequestSigner({ apiKey: 'k', apiSecret: 's', passphrase: 'p', keyVersion: '3' }),
    limiter: createRateLimiter({ config: config.rateLimit, clock: systemClock, logger: silentLogger }),
    breakers: { futures: breaker(), general: breaker() },
    timeSync,
    logger: silentLogger,
  });
  running.push(transport);
  return transport;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((transport) => transport.stop()));
});

const order = { clientOid: 'doubt-1', symbol: 'XBTUSDTM', side: 'buy', type: 'limit', price: '1000', size: 1, leverage: 3 } as const;
const place = (transport: RestTransport, timeoutMs = 5_000) => transport.request(placeOrderCall(order, timeoutMs)).then(() => undefined, (error: unknown) => error);

const answer = (status: number, text: string): FetchLike => () => Promise.resolve(new Response(text, { status, headers: { 'content-type': 'application/json' } }));
const success = (data: unknown): string => JSON.stringify({ code: '200000', data });
/** Never answers; rejects with the transport's abort reason, as undici does. */
const hanging: FetchLike = (_url: string, init: UndiciInit) =>
  new Promise<Response>((_resolve, reject) => {
    init.signal.addEventListener('abort', () => { reject(init.signal.reason as Error); }, { once: true });
  });
const throwing = (error: Error): FetchLike => () => Promise.reject(error);
const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

async function expectUnknown(transport: RestTransport, transportCode: string, timeoutMs?: number): Promise<OrderUnknownError> {
  const error = await place(transport, timeoutMs);
  expect(error).toBeInstanceOf(OrderUnknownError);
  const unknown = error as OrderUnknownError;
  expect(unknown.code).toBe('order-outcome-unknown');
  expect(unknown.details).toMatchObject({ clientOid: 'doubt-1', route: 'POST /api/v1/orders', transportCode });
  return unknown;
}

describe('an order placement that may have arrived is an unknown outcome', () => {
  it('a 502 gateway page (not JSON)', async () => {
    await expectUnknown(await transportAnswering(answer(502, '<html>bad gateway</html>')), 'exchange-unavailable');
  });

  it('a 500 with KuCoin\'s 500000 envelope', async () => {
    await expectUnknown(await transportAnswering(answer(500, JSON.stringify({ code: '500000', msg: 'Internal Server Error' }))), 'exchange-unavailable');
  });

  it('a 200 whose body is not JSON', async () => {
    const error = await expectUnknown(await transportAnswering(answer(200, '<html>proxy</html>')), 'malformed-response');
    expect(error.details.reason).toBe('not JSON');
  });

  it('a 200 whose JSON is not a KuCoin envelope', async () => {
    await expectUnknown(await transportAnswering(answer(200, JSON.stringify({ data: { orderId: '1' } }))), 'malformed-response');
  });

  it('a 404 page that is not KuCoin\'s: we cannot read who refused it', async () => {
    await expectUnknown(await transportAnswering(answer(404, '<html>not here</html>')), 'malformed-response');
  });

  it('a 200000 without the orderId', async () => {
    const error = await expectUnknown(await transportAnswering(answer(200, success({ clientOid: 'doubt-1' }))), 'malformed-response');
    expect(error.details.reason).toMatch(/orderId/);
  });

  it('a 200000 whose clientOid echo is another order\'s', async () => {
    const error = await expectUnknown(await transportAnswering(answer(200, success({ orderId: '7', clientOid: 'someone-else' }))), 'malformed-response');
    expect(error.details.reason).toMatch(/someone-else/);
  });

  it('a success code on a non-2xx status', async () => {
    await expectUnknown(await transportAnswering(answer(400, success({ orderId: '7', clientOid: 'doubt-1' }))), 'malformed-response');
  });

  it('our own timeout', async () => {
    await expectUnknown(await transportAnswering(hanging), 'request-timeout', 20);
  });

  it('a connection reset after sending', async () => {
    await expectUnknown(await transportAnswering(throwing(withCode('other side closed', 'UND_ERR_SOCKET'))), 'connection-failed');
  });

  it('undici\'s code-less "fetch failed"', async () => {
    await expectUnknown(await transportAnswering(throwing(new TypeError('fetch failed'))), 'connection-failed');
  });

  it('an answer whose body breaks off while being read', async () => {
    const broken: FetchLike = () => Promise.resolve(new Response(new ReadableStream({ start(controller) { controller.error(new TypeError('terminated')); } }), { status: 200 }));
    await expectUnknown(await transportAnswering(broken), 'connection-failed');
  });

  it('the client stopping while the order is in flight', async () => {
    const transport = await transportAnswering(hanging);
    const pending = place(transport);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await transport.stop();
    const error = await pending;
    expect(error).toBeInstanceOf(OrderUnknownError);
    expect((error as OrderUnknownError).details).toMatchObject({ clientOid: 'doubt-1', transportCode: 'client-stopped' });
  });
});

describe('what is not doubt stays what it is', () => {
  it('a refused connection never left: ConnectionError with sent = false', async () => {
    const error = await place(await transportAnswering(throwing(new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }))));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).details.sent).toBe(false);
  });

  it('KuCoin\'s own refusal is definitive', async () => {
    expect(await place(await transportAnswering(answer(200, JSON.stringify({ code: '300003', msg: 'Balance insufficient' }))))).toBeInstanceOf(InsufficientMarginError);
  });

  it('a bare HTTP 429 is the gateway throttling before any processing', async () => {
    expect(await place(await transportAnswering(answer(429, 'Too Many Requests')))).toBeInstanceOf(RateLimitError);
  });

  it('a malformed answer to a read is still ExchangeError malformed-response', async () => {
    const transport = await transportAnswering(answer(200, '<html>proxy</html>'));
    const error = await transport.request(tickerCall('XBTUSDTM')).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).code).toBe('malformed-response');
  });
});
