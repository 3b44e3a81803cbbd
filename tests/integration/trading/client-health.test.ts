// Client health reaches the trading state: an open circuit breaker restricts trading to REDUCING
// (entries refused with the rule), and ACTIVE returns once the breaker has closed again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RiskRejectedError } from '../../../src/shared/errors.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const config = configOf({
  ...fastTrading,
  exchange: { breaker: { breakerFailureThreshold: 3, breakerCooldownMs: 1500 } },
});

describe('exchange-client health → trading state', () => {
  let venue: RunningVenue;
  let engine: Engine;

  beforeAll(async () => {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('health')}/journal.db`);
  });

  afterAll(async () => {
    await engine.stop();
    await venue.stop();
  });

  it('breaker open → REDUCING with the reason; closed again → ACTIVE', async () => {
    const fault = venue.admin.addFault({ kind: 'server-error', httpStatus: 503 });
    await until(
      'breaker-open trigger',
      () => engine.service.getState().activeTriggers.includes('breaker-open'),
      20_000,
    );
    expect(engine.service.getState().state).toBe('REDUCING');
    venue.admin.removeFault(fault);
    await until('ACTIVE again', () => engine.service.getState().state === 'ACTIVE', 20_000);
    const reasons = engine.events
      .filter((ev) => ev.name === 'trading:state-changed')
      .map((ev) => ev.payload.reason);
    expect(reasons.some((r) => r.startsWith('breaker-open'))).toBe(true);
    const placed = await engine.service
      .placeOrder({ symbol, side: 'buy', type: 'market', sizeLots: 1, leverage: 5, stopPrice: '88000' })
      .catch((error: unknown) => error);
    expect(placed).not.toBeInstanceOf(RiskRejectedError);
  });
});
