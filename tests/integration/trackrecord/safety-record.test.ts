// The safety record from what the real trading service journals on the paper venue: a stop removed
// behind Bulwark's back whose replacement hangs leaves the position NAKED past the limit, the
// emergency close flattens it, and the kill switch is pressed; the track record counts each.
import { afterAll, describe, expect, it } from 'vitest';
import { dec } from '../../../src/shared/domain/decimal.ts';
import { computeTrackRecord } from '../../../src/main/trackrecord/compute.ts';
import { readJournalFacts } from '../../../src/main/trackrecord/read-journal.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import {
  configOf,
  engineFor,
  fastTrading,
  tempDir,
  until,
  venueFor,
  type Engine,
} from '../trading/harness.ts';

const symbol = 'XBTUSDTM';

describe('safety record from the journal', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;
  afterAll(async () => {
    await engine?.stop();
    await venue?.stop();
  });

  it('counts the unprotected seconds past the limit, the emergency close and the kill switch', async () => {
    const config = configOf({
      ...fastTrading,
      exchange: { rest: { orderRequestTimeoutMs: 3000 } },
      trading: {
        ...fastTrading.trading,
        protection: { watchdogIntervalMs: 200, nakedAlertAfterS: 1, closeAfterNakedS: 2 },
      },
    });
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('trackrecord-safety')}/journal.db`);
    const e = engine;
    const v = venue;
    const userId = v.keys[0]?.userId ?? '';
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 4,
      leverage: 5,
      stopPrice: '88000',
    });
    await until('protected', () =>
      e.service
        .listPositions()
        .find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 4),
    );
    // The replacement stop's request hangs longer than closeAfterNakedS: NAKED, then the emergency close.
    v.admin.addFault({ kind: 'timeout', method: 'POST', path: '/api/v1/orders', count: 1 });
    v.exchange.cancelStopOrders(userId, symbol);
    await until('flat', () => v.exchange.positions(userId).length === 0, 20_000);
    await until(
      'the close journaled',
      () =>
        e.journal
          .queryEvents({ kind: 'position-event', symbol, limit: 50 })
          .some((ev) => ev.data.event === 'closed'),
      20_000,
    );
    await e.service.triggerKillSwitch(false, 'drill');

    const multiplier = dec((await e.client.rest.getContract(symbol)).multiplier);
    const record = computeTrackRecord(
      { ...readJournalFacts(e.journal), multiplierOf: () => multiplier },
      {
        mode: 'paper',
        now: Date.now(),
        unprotectedLimitS: config.trading.protection.nakedAlertAfterS,
        config: config.trackRecord,
      },
    );
    expect(record.safety.nakedEpisodes).toBeGreaterThanOrEqual(1);
    // NAKED at least until the close was sent after closeAfterNakedS (2 s): more than 1 s past the 1 s limit.
    expect(record.safety.secondsUnprotected).toBeGreaterThan(2);
    expect(record.safety.secondsUnprotectedPastLimit).toBeGreaterThan(1);
    expect(record.safety.emergencyCloses).toBe(1);
    expect(record.safety.killSwitchUses).toBe(1);
    expect(record.trades).toHaveLength(1);
    expect(record.trades[0]).toMatchObject({ symbol, side: 'long', maxLots: 4, stopPrice: '88000' });
    expect(record.readiness.checks.find((c) => c.id === 'unprotected')?.passed).toBe(false);
  });
});
