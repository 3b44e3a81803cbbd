// A refused private token (AuthError) stops the private stream's retries with one `auth-failed` event
// carrying the mapped code and message; only restart() resumes it (ADR 0221).
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../../src/main/exchange/index.ts';
import type { KucoinStream } from '../../../src/main/exchange/kucoin/ws/kucoin-stream.ts';
import { startRig, waitFor, type ClientRig } from './harness.ts';

const fastReconnect = {
  ws: { wsReconnectInitialDelayMs: 20, wsReconnectMaxDelayMs: 60 },
  rest: { getRetryMaxAttempts: 0 },
};
let rig: ClientRig | undefined;

afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

function privateOf(client: ClientRig['client']): KucoinStream {
  if (client.privateStream === undefined) throw new Error('private stream expected');
  return client.privateStream;
}

const tokenRequests = (r: ClientRig): number =>
  r.venue.admin.requestCount({ path: '/api/v1/bullet-private', method: 'POST' });

describe('private stream auth failure', () => {
  it('400003 on bullet-private → one auth-failed event, no more token requests, restart() reconnects and asks to reconcile', async () => {
    rig = await startRig({ exchange: fastReconnect });
    const current = rig;
    const stream = privateOf(current.client);
    const events: StreamEvent[] = [];
    stream.onEvent((event) => events.push(event));
    await waitFor(() => stream.stats().state === 'open', 'private stream open');

    current.venue.admin.addFault({
      kind: 'reject',
      method: 'POST',
      path: '/api/v1/bullet-private',
      code: '400003',
    });
    current.venue.admin.disconnectWebSockets();
    await waitFor(
      () => stream.stats().state === 'auth-failed',
      'the private stream to give up on the refused key',
    );
    const failed = events.filter((event) => event.type === 'auth-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ code: 'auth-key', kucoinCode: '400003' });
    expect(failed[0]?.type === 'auth-failed' ? failed[0].message : '').toMatch(/API key/);
    expect(current.client.health().streams.private).toBe('auth-failed');

    // Many reconnect delays later (max 60 ms), nothing more was asked: the stream is not retrying.
    const asked = tokenRequests(current);
    await waitFor(
      () => current.client.publicStream.stats().state === 'open',
      'the public stream to reconnect meanwhile',
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(tokenRequests(current)).toBe(asked);
    expect(stream.stats().state).toBe('auth-failed');

    current.venue.admin.clearFaults();
    const mark = events.length;
    stream.restart();
    await waitFor(() => stream.stats().state === 'open', 'the private stream to reconnect after restart()');
    await waitFor(
      () => events.slice(mark).some((event) => event.type === 'reconcile-needed'),
      'a reconcile after the restart',
    );
    expect(tokenRequests(current)).toBe(asked + 1);
  });

  it('a wrong passphrase fails the first private connect the same way; the public stream is unaffected', async () => {
    rig = await startRig({
      exchange: fastReconnect,
      credentials: (venue) => ({ ...venue.credentials, passphrase: 'not-it' }),
    });
    const current = rig;
    const stream = privateOf(current.client);
    await waitFor(() => stream.stats().state === 'auth-failed', 'the private stream to give up');
    await waitFor(
      () => current.client.publicStream.stats().state === 'open',
      'the public stream to open all the same',
    );
    expect(tokenRequests(current)).toBe(1);
    stream.restart();
    await waitFor(
      () => tokenRequests(current) === 2 && stream.stats().state === 'auth-failed',
      'restart() to try once more and give up again',
    );
  });
});
