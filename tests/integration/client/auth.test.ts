import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../../src/shared/errors.ts';
import { createExchangeClient } from '../../../src/main/exchange/index.ts';
import { exchangeConfigSchema } from '../../../src/main/config/sections/exchange.ts';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import type { KucoinCredentials } from '../../../src/main/exchange/kucoin/signer.ts';
import { rejectionOf, startRig, type ClientRig } from './harness.ts';

let rig: ClientRig;

beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig.stop();
});

function clientWith(credentials: KucoinCredentials) {
  return createExchangeClient({
    config: exchangeConfigSchema.parse({ rest: { getRetryMaxAttempts: 0 } }),
    endpoints: { futuresRestUrl: rig.venue.restUrl, generalRestUrl: rig.venue.restUrl },
    credentials,
    clock: systemClock,
    logger: silentLogger,
    mode: 'paper',
  });
}

async function authFailure(
  credentials: KucoinCredentials,
  call: (c: ReturnType<typeof clientWith>) => Promise<unknown>,
): Promise<AuthError> {
  const client = clientWith(credentials);
  try {
    await client.timeSync.sync();
    const error = await rejectionOf(call(client));
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  } finally {
    await client.stop();
  }
}

describe('signing against the paper venue', () => {
  it('is accepted for private GET with query, POST with body, DELETE, and bullet-private (v3)', async () => {
    const { rest } = rig.client;
    await expect(rest.getAccountOverview('USDT')).resolves.toMatchObject({ currency: 'USDT' });
    await expect(
      rest.listFills({ symbol: 'XBTUSDTM', tradeTypes: ['trade', 'liquid'] }),
    ).resolves.toMatchObject({ currentPage: 1 });
    const placed = await rest.placeOrder({
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'limit',
      price: '1000',
      size: 1,
      leverage: 3,
      postOnly: true,
    });
    await expect(rest.getOrderByClientOid(placed.clientOid)).resolves.toMatchObject({
      id: placed.orderId,
      isActive: true,
    });
    await expect(rest.cancelOrderByClientOid(placed.clientOid, 'XBTUSDTM')).resolves.toEqual({
      clientOid: placed.clientOid,
    });
    await expect(rest.getPrivateWsToken()).resolves.toMatchObject({ token: expect.any(String) as unknown });
    await expect(rest.getApiKeyInfo()).resolves.toMatchObject({
      apiKey: rig.venue.credentials.apiKey,
      apiVersion: 3,
    });
  });

  it('is accepted with a key version 2', async () => {
    const key = rig.venue.admin.issueKey({ keyVersion: '2' });
    const client = clientWith({ ...key, keyVersion: '2' });
    await client.timeSync.sync();
    await expect(client.rest.getPosition('XBTUSDTM')).resolves.toMatchObject({ symbol: 'XBTUSDTM' });
    await client.stop();
  });
});

describe('each auth failure maps to AuthError with the reason', () => {
  it('unknown key → 400003 key', async () => {
    const error = await authFailure({ ...rig.venue.credentials, apiKey: 'ffffffffffffffffffffffff' }, (c) =>
      c.rest.getAccountOverview(),
    );
    expect(error.details).toMatchObject({ kucoinCode: '400003', reason: 'key' });
  });

  it('wrong passphrase → 400004 passphrase', async () => {
    const error = await authFailure({ ...rig.venue.credentials, passphrase: 'not-it' }, (c) =>
      c.rest.getAccountOverview(),
    );
    expect(error.details).toMatchObject({ kucoinCode: '400004', reason: 'passphrase' });
  });

  it('wrong secret → 400005 signature (the passphrase HMAC also changes, so a key v1 isolates it)', async () => {
    const key = rig.venue.admin.issueKey({ keyVersion: '1' });
    const error = await authFailure({ ...key, keyVersion: '1', apiSecret: `${key.apiSecret}x` }, (c) =>
      c.rest.getAccountOverview(),
    );
    expect(error.details).toMatchObject({ kucoinCode: '400005', reason: 'signature' });
  });

  it('IP not whitelisted → 400006 ip', async () => {
    const key = rig.venue.admin.issueKey({ ipWhitelist: ['10.1.2.3'] });
    const error = await authFailure({ ...key, keyVersion: '3' }, (c) => c.rest.getAccountOverview());
    expect(error.details).toMatchObject({ kucoinCode: '400006', reason: 'ip' });
  });

  it('missing Futures permission → 400007 permission', async () => {
    const key = rig.venue.admin.issueKey({ permissions: ['General'] });
    const error = await authFailure({ ...key, keyVersion: '3' }, (c) =>
      c.rest.placeOrder({
        symbol: 'XBTUSDTM',
        side: 'buy',
        type: 'limit',
        price: '1000',
        size: 1,
        leverage: 3,
      }),
    );
    expect(error.details).toMatchObject({ kucoinCode: '400007', reason: 'permission' });
  });
});
