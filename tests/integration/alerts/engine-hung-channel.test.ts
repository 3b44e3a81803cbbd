// A hung channel delays nothing else. Slack's peer takes the request and never answers; while that
// request is still open, (1) a critical alert raised by the engine reaches the SMTP, Twilio and
// Telegram peers and the desktop, and (2) a position whose stop vanished at the exchange gets its
// new stop at the venue — measured at the venue (its request log and its stop orders), and no
// later than the same repair took before Slack hung, within the watchdog's own cadence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { call, startEngineWithPeers, until, type EngineWithPeers } from './engine-peers.ts';

const watchdogIntervalMs = 200;
const settings = {
  trading: {
    orders: { pollIntervalMs: 100, confirmTimeoutMs: 500 },
    protection: { watchdogIntervalMs, nakedAlertAfterS: 60, closeAfterNakedS: 120, stopPlaceMaxAttempts: 3 },
  },
  // Slack would give up after a minute: far longer than this test, so the hang lasts throughout.
  alerts: { delivery: { attemptTimeoutMs: 60_000, totalTimeoutMs: 60_000, attempts: 1 } },
};

/** Time from cancelling a symbol's stop at the venue to the venue receiving the replacement stop. */
async function stopRepairMs(venue: RunningVenue, userId: string, symbol: string): Promise<number> {
  const cancelledAt = Date.now();
  venue.exchange.cancelStopOrders(userId, symbol);
  await until(
    `${symbol} re-protected at the venue`,
    () => venue.exchange.listStopOrders(userId, { symbol }).items.length > 0,
  );
  const arrival = venue.admin
    .recentRequests()
    .find(
      (request) =>
        request.method === 'POST' && request.path === '/api/v1/orders' && request.at >= cancelledAt,
    );
  if (arrival === undefined) throw new Error('the venue logged no stop order after the cancel');
  return arrival.at - cancelledAt;
}

describe('a hung alert channel', () => {
  let rig: EngineWithPeers;
  beforeAll(async () => {
    rig = await startEngineWithPeers('hung', settings);
  });
  afterAll(async () => {
    rig.slack.mode = 'answer';
    await rig.stop();
  });

  it('holds up neither the other channels nor the stops at the exchange', async () => {
    const { router, test, slack } = rig;
    const venue = test.engine.services.venue;
    if (venue === undefined) throw new Error('paper mode runs a venue');
    const userId = venue.keys[0]?.userId ?? '';
    venue.admin.setPrice('XBTUSDTM', '90000');
    venue.admin.setPrice('ETHUSDTM', '3000');
    await until(
      'trading active',
      async () =>
        ((await call(router, 'trading:get-state', undefined)) as { reconciled: boolean }).reconciled,
    );
    await call(router, 'trading:place-order', {
      symbol: 'XBTUSDTM',
      side: 'buy',
      type: 'market',
      sizeLots: 4,
      leverage: 5,
      stopPrice: '88000',
    });
    await call(router, 'trading:place-order', {
      symbol: 'ETHUSDTM',
      side: 'buy',
      type: 'market',
      sizeLots: 2,
      leverage: 5,
      stopPrice: '2900',
    });
    await until(
      'both protected',
      async () =>
        (
          (await call(router, 'trading:list-positions', undefined)) as { protection: { status: string } }[]
        ).filter((p) => p.protection.status === 'PROTECTED').length === 2,
    );
    const baselineMs = await stopRepairMs(venue, userId, 'ETHUSDTM');

    slack.mode = 'hang';
    venue.admin.addFault({
      kind: 'reject',
      method: 'POST',
      path: '/api/v1/orders',
      code: '300004',
      count: 3,
    });
    venue.exchange.cancelStopOrders(userId, 'XBTUSDTM');
    const alert = await until('the critical alert', () =>
      test.engine.alerts.recent().find((a) => a.code === 'stop-unplaceable'),
    );
    await until('Slack holds a delivery open', () => slack.requests.some((request) => !request.answered));

    // The other channels deliver while Slack hangs.
    await until(
      'e-mail, SMS and Telegram delivered',
      () => rig.smtp.mails.length > 0 && rig.twilio.messages.length > 0 && rig.telegram.messages.length > 0,
    );
    expect(test.notifications.some((n) => n.title.includes('Stop could not be placed'))).toBe(true);
    // A channel journals its delivery once its server has answered, a moment after the server saw it.
    const delivered = (): unknown[] =>
      test.engine.services.journal
        .queryEvents({ kind: 'alert-delivery', limit: 200 })
        .filter((row) => row.data.alertId === alert.id)
        .map((row) => row.data.channel)
        .sort();
    await until('the deliveries journaled', () => delivered().length >= 4);
    expect(delivered()).toEqual(['desktop', 'email', 'sms', 'telegram']);

    expect(slack.requests.some((request) => request.body.includes('Stop could not be placed'))).toBe(false); // still queued behind the hung one

    // A stop still goes out on time at the exchange.
    const hungMs = await stopRepairMs(venue, userId, 'ETHUSDTM');
    expect(slack.requests.filter((request) => !request.answered)).not.toHaveLength(0);
    expect(hungMs).toBeLessThanOrEqual(baselineMs + 3 * watchdogIntervalMs);
  });
});
