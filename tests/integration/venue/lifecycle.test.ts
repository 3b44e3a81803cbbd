import { describe, expect, it } from 'vitest';
import { KcClient, openKcSocket } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

describe('venue lifecycle', () => {
  it('stop() closes every socket and timer, including held requests and open WebSockets', async () => {
    const before = handles();
    const venue = await startTestVenue();
    const kc = new KcClient(venue.restUrl, venue.credentials);
    expect((await kc.send('GET', '/api/v1/positions')).json.code).toBe('200000');
    const { socket } = await openKcSocket(kc, 'private');
    venue.admin.addFault({ kind: 'latency', latencyMs: 60_000, path: '/api/v1/status' });
    venue.admin.addFault({ kind: 'timeout', path: '/api/v1/timestamp' });
    const delayed = kc.publicGet('/api/v1/status').catch(() => 'closed');
    const held = kc.publicGet('/api/v1/timestamp').catch(() => 'closed');
    expect(handles().TCPServerWrap ?? 0).toBeGreaterThan(before.TCPServerWrap ?? 0);
    await venue.stop();
    expect(await held).toBe('closed');
    await socket.closed;
    // The latency timer was cleared: its request never completes, and nothing the venue made is left.
    await new Promise((resolve) => setImmediate(resolve));
    const after = handles();
    expect(after.TCPServerWrap ?? 0).toBe(before.TCPServerWrap ?? 0);
    expect(after.TCPSocketWrap ?? 0).toBeLessThanOrEqual(before.TCPSocketWrap ?? 0);
    expect(after.Timeout ?? 0).toBeLessThanOrEqual(before.Timeout ?? 0);
    void delayed;
  });
});
