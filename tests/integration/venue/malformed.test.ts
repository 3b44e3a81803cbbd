import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/main/config/schema.ts';
import type { LogFields, Logger } from '../../../src/main/observability/logger.ts';
import { startVenue } from '../../../src/main/venue/index.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { endpointWeights } from '../../../src/main/exchange/kucoin/endpoint-weights.ts';
import { KcClient, rawRequest } from './kucoin-test-client.ts';

/** A logger that keeps error events, so the test can prove the venue met no defect. */
function recordingLogger(errors: { event: string; fields: LogFields }[]): Logger {
  const noop = (): void => undefined;
  const logger: Logger = {
    debug: noop,
    info: noop,
    warn: noop,
    error: (event, fields = {}) => errors.push({ event, fields }),
    child: () => logger,
  };
  return logger;
}

const served = Object.keys(endpointWeights)
  .map((key) => key.split(' ') as [string, string])
  .filter(([method]) => method === 'GET' || method === 'POST' || method === 'DELETE');

const pathArb = fc
  .tuple(
    fc.constantFrom(...served),
    fc.constantFrom('XBTUSDTM', 'NOPE', '', '%', '..', '1234567890123456789', 'a b'),
  )
  .map(
    ([[method, pattern], fill]) => [method, pattern.replace(/\{[^}]+\}/g, encodeURIComponent(fill))] as const,
  );
const queryArb = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'symbol',
        'status',
        'side',
        'pageSize',
        'currentPage',
        'from',
        'to',
        'granularity',
        'clientOid',
        'price',
        'leverage',
        'startAt',
        'tradeTypes',
        'x',
      ),
      fc.oneof(fc.string(), fc.constantFrom('XBTUSDTM', '-1', '1e9', 'active', 'done', '99999999999999999')),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());
const bodyArb = fc.oneof(
  fc.constant(''),
  fc.json(),
  fc.string(),
  fc
    .record(
      {
        clientOid: fc.oneof(fc.string(), fc.integer()),
        side: fc.oneof(fc.constantFrom('buy', 'sell'), fc.string()),
        symbol: fc.oneof(fc.constant('XBTUSDTM'), fc.string()),
        leverage: fc.oneof(fc.integer(), fc.string(), fc.double()),
        type: fc.oneof(fc.constantFrom('limit', 'market'), fc.string()),
        price: fc.oneof(fc.string(), fc.double(), fc.constant('86000')),
        size: fc.oneof(fc.integer(), fc.double(), fc.string()),
        stop: fc.oneof(fc.constantFrom('up', 'down'), fc.string()),
        stopPrice: fc.string(),
        marginMode: fc.oneof(fc.constantFrom('CROSS', 'ISOLATED'), fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
);

describe('malformed requests never crash the venue (property)', () => {
  const errors: { event: string; fields: LogFields }[] = [];
  const codes = new Map<string, number>();
  let venue: RunningVenue;
  let kc: KcClient;

  beforeAll(async () => {
    const config = {
      ...defaultConfig().venue,
      futuresPoolWeightPer30s: 10_000_000,
      publicPoolWeightPer30s: 10_000_000,
    };
    venue = await startVenue({ port: 0, seed: 3, config, logger: recordingLogger(errors) });
    kc = new KcClient(venue.restUrl, venue.credentials);
  });
  afterAll(async () => {
    await venue.stop();
  });

  it('any signed method/path/query/body gets a KuCoin envelope with HTTP < 500', async () => {
    await fc.assert(
      fc.asyncProperty(pathArb, queryArb, bodyArb, async ([method, path], query, body) => {
        const target = path + (query === '' ? '' : `?${query}`);
        // Sign what is sent (the query decoded, as KuCoin verifies it), so requests reach the handlers.
        const signedTarget = path + (query === '' ? '' : `?${decodeURIComponent(query)}`);
        const headers = kc.headers(method, signedTarget, body);
        const res = await rawRequest(method, venue.restUrl + target, headers, body === '' ? undefined : body);
        codes.set(String(res.json.code), (codes.get(String(res.json.code)) ?? 0) + 1);
        expect(res.status, `${method} ${target} ${body} → ${res.text}`).toBeLessThan(500);
        expect(res.json.code, res.text).toMatch(/^\d{5,6}$/);
        if (res.json.code !== '200000') expect(typeof res.json.msg).toBe('string');
      }),
      { numRuns: 400, seed: 20261124 },
    );
    expect(errors).toEqual([]);
    // Not vacuous: requests got past auth into the handlers, both accepted and refused.
    expect(codes.get('200000') ?? 0).toBeGreaterThan(20);
    expect(codes.get('100001') ?? 0).toBeGreaterThan(20);
    expect(codes.get('400005') ?? 0).toBe(0);
  });
});
