// The app quits while the engine is still reconciling at start (the exchange is slow to answer):
// once stop() has returned, nothing the exchange link reports may reach the engine any more. A
// late health change used to flip the trading state and write to a journal the app was closing
// ("statement has been finalized" as an uncaught exception, seen when a restart followed a stop).
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/main/observability/logger.ts';
import { openJournal } from '../../../src/main/store/journal.ts';
import { systemClock } from '../../../src/main/time/clock.ts';
import { tradingClientFrom } from '../../../src/main/trading/client-adapter.ts';
import type { TradingEvent } from '../../../src/main/trading/deps.ts';
import { createTradingService } from '../../../src/main/trading/service.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { clientFor, configOf, fastTrading, tempDir, until, venueFor } from './harness.ts';

const graceMs = 200;

describe('stopping the engine while it reconciles at start', () => {
  let venue: RunningVenue | undefined;

  afterAll(async () => {
    await venue?.stop();
  });

  it('leaves nothing listening: a later stream outage changes no state and writes no journal row', async () => {
    const config = configOf(fastTrading);
    venue = await venueFor(config);
    const client = await clientFor(config, venue);
    const journal = openJournal({
      filePath: `${tempDir('stop-start')}/journal.db`,
      now: () => systemClock.now(),
    });
    const service = createTradingService({
      config,
      client: tradingClientFrom(client, { privateStreamGraceMs: graceMs, now: () => systemClock.now() }),
      journal,
      clock: systemClock,
      logger: silentLogger,
      alert: () => undefined,
      // No ATR: nothing in this test trails.
      atr: { atr: () => undefined },
    });
    const events: TradingEvent[] = [];
    service.on((event) => events.push(event));
    // The positions read at start-up hangs, so reconciliation is still running when the app quits.
    venue.admin.addFault({ kind: 'latency', path: '/api/v1/positions', latencyMs: 8_000 });
    const starting = service.start().catch(() => 'stopped before it reconciled');
    await until('reconciliation under way', () => venue?.admin.requestCount({ path: '/api/v1/positions' }));
    await service.stop();
    const rowsAtStop = journal.queryEvents({ kind: 'state-change', limit: 1_000 }).length;
    const eventsAtStop = events.length;

    // The private stream goes down after the stop, for longer than its grace and a health poll.
    venue.admin.silenceWebSockets(true);
    venue.admin.disconnectWebSockets();
    await new Promise((resolve) => setTimeout(resolve, graceMs + 2_500));

    expect(journal.queryEvents({ kind: 'state-change', limit: 1_000 })).toHaveLength(rowsAtStop);
    expect(events.slice(eventsAtStop)).toEqual([]);
    venue.admin.clearFaults();
    await starting;
    await client.stop();
    journal.close();
  }, 30_000);
});
