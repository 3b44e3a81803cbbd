// Client-health triggers of the trading state (ADR 0301) against the paper venue: the private
// stream dead past its grace → REDUCING and back when it reconnects; the clock unhealthy →
// entries refused with the rule and the reason, cancels still go through; ACTIVE once it is healthy.
import { afterEach, describe, expect, it } from 'vitest';
import { RiskRejectedError } from '../../../src/shared/errors.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';
const entry = { symbol, side: 'buy', type: 'market', sizeLots: 1, leverage: 5, stopPrice: '88000' } as const;

async function deniedRule(e: Engine): Promise<string> {
  const error = await e.service.placeOrder(entry).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(RiskRejectedError);
  return (error as RiskRejectedError).ruleId;
}

describe('client-health triggers against the paper venue', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;

  afterEach(async () => {
    await engine?.stop();
    await venue?.stop();
  });

  it('private stream dead past its grace → REDUCING; reconnected → ACTIVE', async () => {
    // A high breaker threshold keeps the refused token requests from opening the breaker (its own trigger).
    const config = configOf({
      ...fastTrading,
      exchange: {
        breaker: { breakerFailureThreshold: 1000 },
        ws: { wsReconnectInitialDelayMs: 100, wsReconnectMaxDelayMs: 400 },
      },
    });
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('stream-dead')}/journal.db`, {
      privateStreamGraceMs: 1000,
    });
    const e = engine;
    const v = venue;
    await until('private stream open', () => e.client.health().streams.private === 'open');
    // The private connection drops and cannot come back: the exchange refuses private tokens (maintenance).
    const fault = v.admin.addFault({
      kind: 'server-error',
      httpStatus: 503,
      method: 'POST',
      path: '/api/v1/bullet-private',
    });
    v.admin.disconnectWebSockets({ userId: v.keys[0]?.userId ?? '' });
    await until(
      'private-stream-dead trigger',
      () => e.service.getState().activeTriggers.includes('private-stream-dead'),
      20_000,
    );
    const state = e.service.getState();
    expect(state.state).toBe('REDUCING');
    expect(state.activeTriggers).not.toContain('breaker-open');
    expect(state.reason).toContain('private stream down');
    expect(await deniedRule(e)).toBe('trading-state');
    v.admin.removeFault(fault);
    await until('private stream open again', () => e.client.health().streams.private === 'open', 20_000);
    await until('ACTIVE again', () => e.service.getState().state === 'ACTIVE', 20_000);
    const changes = e.events.filter((ev) => ev.name === 'trading:state-changed').map((ev) => ev.payload);
    expect(changes.some((c) => c.state === 'REDUCING' && c.reason.startsWith('private-stream-dead'))).toBe(
      true,
    );
    expect(
      e.journal
        .queryEvents({ kind: 'state-change', limit: 50 })
        .some(
          (ev) => ev.data.state === 'REDUCING' && String(ev.data.reason).startsWith('private-stream-dead'),
        ),
    ).toBe(true);
  });

  it('clock unhealthy → entries refused with the rule and reason, a cancel still goes through; healthy → ACTIVE', async () => {
    // Order entry needs the offset known to within 2 % of KuCoin's 5 s window (100 ms); a 300 ms
    // answer delay on /timestamp makes every new sync that uncertain.
    const config = configOf({
      ...fastTrading,
      exchange: { timeSync: { samplesPerSync: 2, resyncIntervalMs: 300, maxUncertaintyShareOfWindow: 0.02 } },
    });
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('clock')}/journal.db`);
    const e = engine;
    const v = venue;
    await until('clock healthy', () => e.client.health().clock.state === 'healthy');
    const resting = await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '87000',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '86000',
    });
    await until(
      'entry resting',
      () => v.exchange.listOrders(v.keys[0]?.userId ?? '', { status: 'active', symbol }).items.length > 0,
    );
    const fault = v.admin.addFault({
      kind: 'latency',
      latencyMs: 300,
      method: 'GET',
      path: '/api/v1/timestamp',
    });
    await until(
      'clock-unhealthy trigger',
      () => e.service.getState().activeTriggers.includes('clock-unhealthy'),
      20_000,
    );
    const state = e.service.getState();
    expect(state.state).toBe('REDUCING');
    expect(state.reason).toBe('clock-unhealthy: clock uncertain');
    const preview = await e.service.previewOrder(entry);
    expect(preview.denial).toMatchObject({ ruleId: 'trading-state', numbers: { state: 'REDUCING' } });
    expect(await deniedRule(e)).toBe('trading-state');
    // Cancels only take risk off: allowed while the clock is unhealthy.
    const cancelled = await e.service.cancelOrder(resting.order.clientOid);
    expect(cancelled.clientOid).toBe(resting.order.clientOid);
    await until(
      'nothing resting',
      () => v.exchange.listOrders(v.keys[0]?.userId ?? '', { status: 'active', symbol }).items.length === 0,
    );
    expect(e.service.getState().activeTriggers).toContain('clock-unhealthy');
    v.admin.removeFault(fault);
    await until('ACTIVE again', () => e.service.getState().state === 'ACTIVE', 20_000);
    expect(e.client.health().clock.state).toBe('healthy');
  });
});
