import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import type { Clock } from '../../../src/main/time/clock.ts';
import { KcClient, openKcSocket } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

describe('WebSocket new-connection rate per user (docs/reference/kucoin-futures.md#ws-limits: 30 per minute, here 3)', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let other: KcClient;
  // The gateway clock runs with the wall clock plus a shift the test moves (no sleeps); the
  // clients sign with the same shift so their timestamps stay inside the 5 s window (docs/reference/kucoin-futures.md#server-time).
  const shift = { ms: 0 };
  const gatewayClock: Clock = { now: () => Date.now() + shift.ms };

  function moveGatewayTime(ms: number): void {
    shift.ms += ms;
    kc.offsetMs = shift.ms;
    other.offsetMs = shift.ms;
  }

  beforeAll(async () => {
    venue = await startTestVenue({
      keys: [{}, {}],
      clock: gatewayClock,
      server: { wsNewConnectionsPerUserPerMinute: 3 },
    });
    kc = new KcClient(venue.restUrl, venue.credentials);
    other = new KcClient(venue.restUrl, venue.keys[1]!);
  });
  afterAll(async () => {
    await venue.stop();
  });

  /** Opens and at once closes a private connection; returns its first frame. */
  async function connectOnce(client: KcClient) {
    const { socket, welcome } = await openKcSocket(client, 'private');
    socket.close();
    await socket.closed;
    return welcome;
  }

  it('refuses the 4th new private connection in a minute with 509 and closes it, though none is open', async () => {
    for (let i = 0; i < 3; i += 1) expect((await connectOnce(kc)).type).toBe('welcome');
    const refused = await openKcSocket(kc, 'private', 'fourth');
    expect(refused.welcome).toEqual({
      id: 'fourth',
      type: 'error',
      code: 509,
      data: 'exceed max connection count limitation of 3 per minute',
    });
    await refused.socket.closed;
    expect(refused.socket.frames.some((f) => f.type === 'welcome')).toBe(false);
  });

  it('counts per user: another user and public connections still get in', async () => {
    expect((await connectOnce(other)).type).toBe('welcome');
    const pub = await openKcSocket(kc, 'public');
    expect(pub.welcome.type).toBe('welcome');
    pub.socket.close();
  });

  it('admits again once the minute has passed, then refuses again past the limit', async () => {
    moveGatewayTime(60_001);
    for (let i = 0; i < 3; i += 1) expect((await connectOnce(kc)).type).toBe('welcome');
    expect(await connectOnce(kc)).toMatchObject({ type: 'error', code: 509 });
  });
});
