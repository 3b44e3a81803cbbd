import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeError, NetworkError, OrderUnknownError } from '../../../src/shared/errors.ts';
import { exchangeConfigSchema } from '../../../src/main/config/sections/exchange.ts';
import { createExchangeClient, type ExchangeClient } from '../../../src/main/exchange/index.ts';
import type { LogFields, Logger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { rejectionOf } from './harness.ts';

// The paper venue has no "tamper with the answer" fault, so a tiny local server stands in for a
// misbehaving exchange here. It stubs the exchange, never our code.
const answers: Record<string, (body: string) => { status: number; text: string }> = {
  '/api/v1/timestamp': () => ({ status: 200, text: JSON.stringify({ code: '200000', data: Date.now() }) }),
  '/api/v1/ticker': () => ({
    status: 200,
    text: JSON.stringify({
      code: '200000',
      data: {
        symbol: 'XBTUSDTM',
        sequence: 1,
        price: true,
        bestBidPrice: '1',
        bestBidSize: 1,
        bestAskPrice: '2',
        bestAskSize: 1,
        ts: 1,
      },
    }),
  }),
  '/api/v1/contracts/active': () => ({
    status: 200,
    text: JSON.stringify({ code: '200000', data: [{ symbol: 'XBTUSDTM' }] }),
  }),
  '/api/v1/position': () => ({ status: 200, text: '<html>not json</html>' }),
  '/api/v1/positions': () => ({ status: 200, text: JSON.stringify({ data: [] }) }),
  '/api/v1/orders': (body) => {
    const sent = JSON.parse(body) as { clientOid: string };
    return {
      status: 200,
      text: JSON.stringify({
        code: '200000',
        data: { orderId: '1', clientOid: `${sent.clientOid}-tampered` },
      }),
    };
  },
  // A success code without the orderId: KuCoin may well have placed it.
  '/api/v1/st-orders': (body) => {
    const sent = JSON.parse(body) as { clientOid: string };
    return { status: 200, text: JSON.stringify({ code: '200000', data: { clientOid: sent.clientOid } }) };
  },
  '/api/v1/mark-price/XBTUSDTM/current': () => ({ status: 502, text: '<html>bad gateway</html>' }),
};

let server: Server;
let client: ExchangeClient;
const logged: { event: string; fields: LogFields }[] = [];

function recordingLogger(): Logger {
  const make = (bindings: LogFields): Logger => {
    const write = (event: string, fields: LogFields = {}) => {
      logged.push({ event, fields: { ...bindings, ...fields } });
    };
    return {
      debug: write,
      info: write,
      warn: write,
      error: write,
      child: (more) => make({ ...bindings, ...more }),
    };
  };
  return make({});
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const answer = answers[path]?.(body) ?? {
        status: 404,
        text: JSON.stringify({ code: '404000', msg: 'not found' }),
      };
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createExchangeClient({
    config: exchangeConfigSchema.parse({ rest: { getRetryMaxAttempts: 0 } }),
    endpoints: { futuresRestUrl: url, generalRestUrl: url },
    credentials: { apiKey: 'k', apiSecret: 's', passphrase: 'p', keyVersion: '3' },
    clock: systemClock,
    logger: recordingLogger(),
    mode: 'paper',
  });
  await client.timeSync.sync();
});
afterAll(async () => {
  await client.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
});

async function malformed(promise: Promise<unknown>): Promise<ExchangeError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ExchangeError);
  expect((error as ExchangeError).code).toBe('malformed-response');
  return error as ExchangeError;
}

describe('malformed and tampered answers to reads are rejected', () => {
  it('a wrong type (price: true)', async () => {
    const error = await malformed(client.rest.getTicker('XBTUSDTM'));
    expect(error.details.reason).toMatch(/price/);
  });

  it('missing fields', async () => {
    await malformed(client.rest.listActiveContracts());
  });

  it('a body that is not JSON, and an envelope without a code', async () => {
    await malformed(client.rest.getPosition('XBTUSDTM'));
    await malformed(client.rest.listPositions());
  });

  it('is logged with the request id', async () => {
    const error = await malformed(client.rest.getTicker('XBTUSDTM'));
    const line = logged.find(
      (entry) =>
        entry.event === 'exchange-malformed-response' && entry.fields.requestId === error.details.requestId,
    );
    expect(line?.fields).toMatchObject({ path: '/api/v1/ticker', route: 'GET /api/v1/ticker' });
  });

  it('a gateway HTML page on 502 is the exchange being unreachable, not malformed', async () => {
    expect(await rejectionOf(client.rest.getMarkPrice('XBTUSDTM'))).toBeInstanceOf(NetworkError);
  });
});

// A 200000 answer to an order placement says KuCoin took the order: when its body cannot be used, the
// order may well exist. That is doubt (reconcile by clientOid), never "rejected".
describe('an unusable success answer to an order placement is an unknown outcome', () => {
  async function unknown(promise: Promise<unknown>): Promise<OrderUnknownError> {
    const error = await rejectionOf(promise);
    expect(error).toBeInstanceOf(OrderUnknownError);
    expect((error as OrderUnknownError).code).toBe('order-outcome-unknown');
    return error as OrderUnknownError;
  }

  it('an order echo whose clientOid does not match what was sent', async () => {
    const error = await unknown(
      client.rest.placeOrder({
        clientOid: 'sent-oid-1',
        symbol: 'XBTUSDTM',
        side: 'buy',
        type: 'limit',
        price: '1',
        size: 1,
        leverage: 1,
      }),
    );
    expect(error.details).toMatchObject({ clientOid: 'sent-oid-1', route: 'POST /api/v1/orders' });
    expect(error.details.reason).toMatch(/sent-oid-1/);
  });

  it('a success envelope without the orderId (schema failure)', async () => {
    const error = await unknown(
      client.rest.placeOrderWithStops({
        clientOid: 'sent-oid-2',
        symbol: 'XBTUSDTM',
        side: 'buy',
        type: 'limit',
        price: '1',
        size: 1,
        leverage: 1,
        triggerStopDownPrice: '0.5',
      }),
    );
    expect(error.details).toMatchObject({ clientOid: 'sent-oid-2', route: 'POST /api/v1/st-orders' });
    expect(error.details.reason).toMatch(/orderId/);
  });

  it('is still logged as a malformed answer with the request id', async () => {
    const error = await unknown(
      client.rest.placeOrder({
        clientOid: 'sent-oid-3',
        symbol: 'XBTUSDTM',
        side: 'buy',
        type: 'limit',
        price: '1',
        size: 1,
        leverage: 1,
      }),
    );
    const line = logged.find(
      (entry) =>
        entry.event === 'exchange-malformed-response' && entry.fields.requestId === error.details.requestId,
    );
    expect(line?.fields).toMatchObject({ path: '/api/v1/orders', route: 'POST /api/v1/orders' });
  });
});
