// Done when: a real critical condition in the running engine — the paper venue definitively rejects
// every protective stop (300004) until the watchdog gives up — reaches the trader on every channel:
// the SMTP peer, the Twilio, Slack and Telegram peers and the desktop notifier, exactly once each,
// with each delivery journaled against the alert's own journal entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineWithPeers, call, until, type EngineWithPeers } from './engine-peers.ts';

const symbol = 'XBTUSDTM';
const attempts = 3;
const settings = {
  trading: {
    orders: { pollIntervalMs: 100, confirmTimeoutMs: 500 },
    // The naked alert and the naked-too-long exit are far out: the stop refusals alone decide.
    protection: {
      watchdogIntervalMs: 200,
      nakedAlertAfterS: 60,
      closeAfterNakedS: 120,
      stopPlaceMaxAttempts: attempts,
    },
  },
  alerts: { delivery: { attemptTimeoutMs: 3_000, totalTimeoutMs: 15_000, backoffInitialMs: 50 } },
};
const title = 'Stop could not be placed';

describe('a critical condition in the engine reaches every channel once', () => {
  let rig: EngineWithPeers;
  beforeAll(async () => {
    rig = await startEngineWithPeers('critical', settings);
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('stop placement refused → stop-unplaceable → e-mail, SMS, Slack, Telegram and desktop, journaled', async () => {
    const { router, test } = rig;
    const venue = test.engine.services.venue;
    if (venue === undefined) throw new Error('paper mode runs a venue');
    const userId = venue.keys[0]?.userId ?? '';
    venue.admin.setPrice(symbol, '90000');
    await until(
      'trading active',
      async () =>
        ((await call(router, 'trading:get-state', undefined)) as { state: string; reconciled: boolean })
          .reconciled,
    );
    await call(router, 'trading:place-order', {
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 4,
      leverage: 5,
      stopPrice: '88000',
    });
    await until('protected', async () =>
      (
        (await call(router, 'trading:list-positions', undefined)) as { protection: { status: string } }[]
      ).some((p) => p.protection.status === 'PROTECTED'),
    );
    // The real fault: every stop the watchdog sends is refused by the venue; then the stop vanishes.
    venue.admin.addFault({
      kind: 'reject',
      method: 'POST',
      path: '/api/v1/orders',
      code: '300004',
      msg: 'stop order quantity limit exceeded',
      count: attempts,
    });
    venue.exchange.cancelStopOrders(userId, symbol);

    const alert = await until('the critical alert', () =>
      test.engine.alerts.recent().find((a) => a.code === 'stop-unplaceable'),
    );
    expect(alert).toMatchObject({ severity: 'critical', kind: 'stop-failure', symbol, title });
    await until(
      'every channel delivered',
      () =>
        rig.smtp.mails.length > 0 &&
        rig.twilio.messages.length > 0 &&
        rig.slack.messages.length > 0 &&
        rig.telegram.messages.length > 0,
    );
    await test.engine.services.alerts.router.idle();

    const mails = rig.smtp.mails.filter((mail) => mail.headers.get('subject')?.includes(title));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.headers.get('subject')).toBe(`[PAPER] CRITICAL: ${title} — ${symbol}`);
    expect(mails[0]?.headers.get('x-bulwark-alert-key')).toBe(`stop-unplaceable:${symbol}`);
    expect(mails[0]?.text).toContain('300004');
    expect(mails[0]?.secure).toBe(true);
    expect(rig.twilio.messages.filter((m) => m.body.includes(title))).toEqual([
      expect.objectContaining({ to: '+14155550123', from: '+14155550100' }),
    ]);
    expect(rig.slack.messages.filter((m) => m.text.includes(title))).toHaveLength(1);
    expect(rig.telegram.messages.filter((m) => m.text.includes(title))).toHaveLength(1);
    expect(test.notifications.filter((n) => n.title.includes(title))).toEqual([
      expect.objectContaining({ urgency: 'critical' }),
    ]);

    const journal = test.engine.services.journal;
    const alertRow = journal
      .queryEvents({ kind: 'alert', symbol, limit: 50 })
      .find((row) => row.data.code === 'stop-unplaceable');
    const deliveries = journal
      .queryEvents({ kind: 'alert-delivery', limit: 500 })
      .filter((row) => row.data.alertId === alert.id);
    expect(deliveries.map((row) => [row.data.channel, row.data.outcome]).sort()).toEqual([
      ['desktop', 'sent'],
      ['email', 'sent'],
      ['slack', 'sent'],
      ['sms', 'sent'],
      ['telegram', 'sent'],
    ]);
    for (const row of deliveries) expect(row.data.alertSeq).toBe(alertRow?.seq);
    // The alert was journaled once (by trading), not again by the router.
    expect(
      journal
        .queryEvents({ kind: 'alert', limit: 500 })
        .filter((row) => row.data.code === 'stop-unplaceable'),
    ).toHaveLength(1);
  });

  it('the metrics count the deliveries and the order round trips', async () => {
    const snapshot = (await call(rig.router, 'metrics:get-snapshot', undefined)) as {
      counters: { name: string; labels: Record<string, string>; value: number }[];
      histograms: { name: string; count: number; p99: number }[];
    };
    const sent = snapshot.counters
      .filter((c) => c.name === 'alert_deliveries_total' && c.labels.outcome === 'sent')
      .map((c) => c.labels.channel)
      .sort();
    expect(sent).toEqual(['desktop', 'email', 'slack', 'sms', 'telegram']);
    expect(
      snapshot.histograms.find((h) => h.name === 'order_submit_to_ack_ms')?.count,
    ).toBeGreaterThanOrEqual(1);
    expect(snapshot.histograms.find((h) => h.name === 'rest_request_ms')?.count).toBeGreaterThan(0);
  });
});
