// Protective orders are never refused by our own gates (issue item 1): with the clock untrusted, or
// the breaker open, the watchdog still gets a stop out and a close still goes through — while entries
// stay refused. Read at the venue.
import { afterEach, describe, expect, it } from 'vitest';
import { RiskRejectedError, TimeSyncError } from '../../../src/shared/errors.ts';
import {
  configOf,
  coveredAtVenue,
  drill,
  fastTrading,
  lossSideLots,
  openCovered,
  until,
  venueLots,
  type Drill,
} from './harness.ts';

const symbol = 'XBTUSDTM';

describe('protective orders pass our own gates', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  it('clock untrusted: a stop removed at the exchange is replaced and a close goes through; an entry is refused', async () => {
    // Order entry needs the offset known to within 2 % of KuCoin's 5 s window; a 300 ms delay on /timestamp makes every sync that uncertain.
    const config = configOf({
      ...fastTrading,
      exchange: { timeSync: { samplesPerSync: 2, resyncIntervalMs: 300, maxUncertaintyShareOfWindow: 0.02 } },
    });
    d = await drill(config, 'gate-clock');
    const run = d;
    await until('clock healthy', () => run.engine.client.health().clock.state === 'healthy');
    await openCovered(run, symbol, 'buy', 2, '88000');
    run.venue.admin.addFault({ kind: 'latency', latencyMs: 300, method: 'GET', path: '/api/v1/timestamp' });
    await until('clock untrusted', () => run.engine.client.health().clock.state !== 'healthy', 20_000);
    run.venue.exchange.cancelStopOrders(run.userId, symbol);
    expect(lossSideLots(run, symbol)).toBe(0);
    await coveredAtVenue(run, symbol, 2);
    const refused = await run.engine.service
      .placeOrder({ symbol, side: 'buy', type: 'market', sizeLots: 1, leverage: 5, stopPrice: '88000' })
      .catch((error: unknown) => error);
    expect(refused instanceof RiskRejectedError || refused instanceof TimeSyncError).toBe(true);
    await run.engine.service.closePosition(symbol);
    await until('flat', () => venueLots(run, symbol) === 0);
    run.venue.admin.clearFaults();
  });

  it('breaker open: the stop is replaced long before the breaker would have tried again on its own', async () => {
    const config = configOf({
      ...fastTrading,
      exchange: { breaker: { breakerFailureThreshold: 3, breakerCooldownMs: 120_000 } },
    });
    d = await drill(config, 'gate-breaker');
    const run = d;
    await openCovered(run, symbol, 'buy', 2, '88000');
    const outage = run.venue.admin.addFault({ kind: 'server-error', httpStatus: 503, path: '/api/**' });
    await until('breaker open', () => run.engine.client.health().breaker === 'open', 20_000);
    run.venue.exchange.cancelStopOrders(run.userId, symbol);
    run.venue.admin.removeFault(outage);
    // Well inside the 120 s cool-down: the watchdog's reads and its stop went out as probes.
    // (That an entry is never a probe is shown at the client: tests/integration/client/breaker-protective.test.ts.)
    await coveredAtVenue(run, symbol, 2, 15_000);
  });
});
