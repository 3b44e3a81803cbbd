/**
 * A closed position still reports what it realised (issue: "a position's realisedPnl reads 0 after it
 * is closed"): GET /api/v1/position and the closing position.change push carry the closed life's
 * realisedPnl (gross − fees + funding), equal to history-positions' pnl, until a new position opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualVenueClock } from '../../../src/main/venue/core/index.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { KcClient, openKcSocket } from './kucoin-test-client.ts';
import type { KcSocket } from './kucoin-test-client.ts';
import { startTestVenue } from './venue-fixture.ts';

const S = 'XBTUSDTM';

describe('realised PnL of a closed position', () => {
  let venue: RunningVenue;
  let kc: KcClient;
  let socket: KcSocket;

  beforeAll(async () => {
    venue = await startTestVenue({ venueClock: createManualVenueClock(Date.now()) });
    kc = new KcClient(venue.restUrl, venue.credentials);
    venue.admin.setPrice(S, '80000');
    socket = (await openKcSocket(kc, 'private')).socket;
    await socket.subscribe(`/contract/position:${S}`, true);
  });
  afterAll(async () => {
    socket.close();
    await venue.stop();
  });

  it('keeps realisedPnl, realisedGrossPnl and currentComm after the close, and resets them on the next open', async () => {
    await kc.data('POST', '/api/v1/orders', {
      clientOid: 'open-1',
      symbol: S,
      side: 'buy',
      type: 'market',
      size: 2,
      leverage: 5,
      marginMode: 'ISOLATED',
    });
    venue.admin.setPrice(S, '81000');
    await kc.data('POST', '/api/v1/orders', {
      clientOid: 'close-1',
      symbol: S,
      side: 'sell',
      type: 'market',
      size: 2,
      reduceOnly: true,
    });
    const closed = await kc.data<Record<string, number | boolean>>('GET', '/api/v1/position', { symbol: S });
    const history = await kc.data<{ items: { pnl: string; realisedGrossCost: string; tradeFee: string }[] }>(
      'GET',
      '/api/v1/history-positions',
      { symbol: S },
    );
    const last = history.items[0];
    expect(closed.isOpen).toBe(false);
    expect(closed.currentQty).toBe(0);
    expect(closed.realisedGrossPnl).toBeGreaterThan(0);
    expect(closed.realisedPnl).not.toBe(0);
    expect(closed.realisedPnl).toBeCloseTo(Number(last?.pnl), 8);
    expect(closed.realisedGrossPnl).toBeCloseTo(-Number(last?.realisedGrossCost), 8);
    expect(closed.currentComm).toBeCloseTo(Number(last?.tradeFee), 8);
    const push = await socket.next(
      (f) => f.subject === 'position.change' && (f.data as { isOpen?: boolean }).isOpen === false,
    );
    expect((push.data as { realisedPnl: number }).realisedPnl).toBeCloseTo(Number(last?.pnl), 8);
    await kc.data('POST', '/api/v1/orders', {
      clientOid: 'open-2',
      symbol: S,
      side: 'buy',
      type: 'market',
      size: 1,
      leverage: 5,
      marginMode: 'ISOLATED',
    });
    const reopened = await kc.data<{ realisedGrossPnl: number; realisedPnl: number; currentComm: number }>(
      'GET',
      '/api/v1/position',
      { symbol: S },
    );
    expect(reopened.realisedGrossPnl).toBe(0);
    // Only the new position's opening fee: realisedPnl = −currentComm.
    expect(reopened.realisedPnl).toBeCloseTo(-reopened.currentComm, 8);
    expect(reopened.currentComm).toBeGreaterThan(0);
  });
});
