// The paper venue as the app starts it (startEngine in paper mode, the real keychain): its admin
// API is not served, a foreign Host or a web page's Origin is refused, and it trades with a paper
// key generated for this install and kept in the keychain — not with a key anyone else knows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEngine, type TestEngine } from '../../harness/engine.ts';
import { useTestKeyring } from '../../harness/keyring.ts';
import { rawRequest } from '../venue/kucoin-test-client.ts';

describe('the app’s paper venue', () => {
  let keyring: Awaited<ReturnType<typeof useTestKeyring>>;
  let first: TestEngine;
  let restUrl: string;

  beforeAll(async () => {
    keyring = await useTestKeyring();
    first = await startTestEngine({ label: 'app-venue-guard' });
    restUrl = first.engine.services.venue?.restUrl ?? '';
  });
  afterAll(async () => {
    try {
      await first.stop();
    } finally {
      await keyring.stop();
    }
  });

  it('does not serve the admin API: /__venue/ is an unknown route and changes nothing', async () => {
    expect(restUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const [method, path, body] of [
      ['GET', '/__venue/health', undefined],
      ['POST', '/__venue/keys', JSON.stringify({ permissions: ['General', 'Futures', 'Withdraw'] })],
      ['POST', '/__venue/faults', JSON.stringify({ kind: 'server-error', rate: 1 })],
      ['POST', '/__venue/reset', undefined],
    ] as const) {
      const answer = await rawRequest(
        method,
        `${restUrl}${path}`,
        { 'Content-Type': 'application/json' },
        body,
      );
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.text).not.toContain('apiSecret');
    }
    expect(first.engine.services.venue?.admin.faults()).toEqual([]);
  });

  it('refuses a foreign Host (421) and a web page’s Origin (403), and still serves our own client', async () => {
    const { port } = new URL(restUrl);
    expect(
      (await rawRequest('GET', `${restUrl}/api/v1/timestamp`, { Host: `rebind.example:${port}` })).status,
    ).toBe(421);
    expect(
      (await rawRequest('GET', `${restUrl}/api/v1/timestamp`, { Host: `localhost:${port}` })).status,
    ).toBe(421);
    expect(
      (await rawRequest('GET', `${restUrl}/api/v1/timestamp`, { Origin: 'http://127.0.0.1:9' })).status,
    ).toBe(403);
    expect((await rawRequest('GET', `${restUrl}/api/v1/timestamp`)).json.code).toBe('200000');
  });

  it('trades with the paper key from the keychain, and another install gets another key', async () => {
    expect(first.engine.services.credentials.source).toBe('keychain');
    const stored = await first.engine.services.secrets.service.paperCredentials();
    expect(first.engine.services.venue?.credentials.apiKey).toBe(stored.apiKey);
    expect(first.engine.services.venue?.credentials.apiSecret).toBe(stored.apiSecret);
    const second = await startTestEngine({ label: 'app-venue-guard-other' });
    try {
      const other = await second.engine.services.secrets.service.paperCredentials();
      expect(second.engine.services.credentials.source).toBe('keychain');
      expect(other.apiKey).not.toBe(stored.apiKey);
      expect(other.apiSecret).not.toBe(stored.apiSecret);
      expect(other.passphrase).not.toBe(stored.passphrase);
    } finally {
      await second.stop();
    }
  });
});
