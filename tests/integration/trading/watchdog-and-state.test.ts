// The watchdog repairs a stop removed behind its back, raises the NAKED alert when it cannot, and
// closes the position when naked too long; the kill switch halts entries and flattens.
import { afterEach, describe, expect, it } from 'vitest';
import { RiskRejectedError } from '../../../src/shared/errors.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { configOf, engineFor, fastTrading, tempDir, until, venueFor, type Engine } from './harness.ts';

const symbol = 'XBTUSDTM';

describe('watchdog and trading state against the paper venue', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;

  afterEach(async () => {
    await engine?.stop();
    await venue?.stop();
  });

  async function openProtected(
    config: ReturnType<typeof configOf>,
    name: string,
  ): Promise<{ e: Engine; v: RunningVenue; userId: string }> {
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir(name)}/journal.db`);
    const e = engine;
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
    return { e, v: venue, userId: venue.keys[0]?.userId ?? '' };
  }

  it('a stop cancelled outside Bulwark: NAKED alert while the exchange refuses, then repaired', async () => {
    const config = configOf({
      ...fastTrading,
      trading: {
        ...fastTrading.trading,
        protection: { watchdogIntervalMs: 200, nakedAlertAfterS: 1, closeAfterNakedS: 60 },
      },
    });
    const { e, v, userId } = await openProtected(config, 'naked');
    v.admin.addFault({ kind: 'server-error', method: 'POST', path: '/api/v1/orders' });
    v.exchange.cancelStopOrders(userId, symbol);
    const naked = await until(
      'critical naked alert',
      () => e.alerts.find((a) => a.code === 'position-naked'),
      20_000,
    );
    expect(naked.severity).toBe('critical');
    expect(
      e.events.some(
        (ev) =>
          ev.name === 'trading:protection-changed' &&
          ev.payload.status === 'NAKED' &&
          ev.payload.nakedForS > 1,
      ),
    ).toBe(true);
    v.admin.clearFaults();
    await until(
      'repaired',
      () =>
        e.service
          .listPositions()
          .find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 4),
      20_000,
    );
    // Converges to exactly one full-size stop at the trader's price.
    await until('one stop', () => {
      const live = v.exchange.listStopOrders(userId, { symbol }).items.filter((s) => s.reduceOnly);
      return live.length === 1 && live[0]?.size === 4 && live[0].stopPrice === '88000';
    });
    expect(e.alerts.filter((a) => a.code === 'position-naked')).toHaveLength(1);
  });

  it('naked longer than closeAfterNakedS: the position is closed at market', async () => {
    const config = configOf({
      ...fastTrading,
      exchange: { rest: { orderRequestTimeoutMs: 3000 } },
      trading: {
        ...fastTrading.trading,
        protection: { watchdogIntervalMs: 200, nakedAlertAfterS: 1, closeAfterNakedS: 2 },
      },
    });
    const { e, v, userId } = await openProtected(config, 'emergency');
    // The replacement stop's request hangs (the exchange never answers) longer than closeAfterNakedS.
    v.admin.addFault({ kind: 'timeout', method: 'POST', path: '/api/v1/orders', count: 1 });
    v.exchange.cancelStopOrders(userId, symbol);
    await until('emergency close', () => e.alerts.find((a) => a.code === 'position-emergency-close'), 20_000);
    await until('flat', () => v.exchange.positions(userId).length === 0, 20_000);
    expect(
      e.journal
        .queryEvents({ kind: 'position-event', symbol, limit: 50 })
        .some((ev) => ev.data.event === 'close-requested'),
    ).toBe(true);
  });

  it('kill switch: HALTED denies entries with the rule, flattens, keeps nothing open; resume clears it', async () => {
    const config = configOf(fastTrading);
    const { e, v, userId } = await openProtected(config, 'kill');
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'limit',
      price: '87000',
      sizeLots: 1,
      leverage: 5,
      stopPrice: '86000',
    });
    const result = await e.service.triggerKillSwitch(true, 'drill');
    expect(result.cancelledOrders).toBeGreaterThanOrEqual(1);
    expect(result.closedPositions).toEqual([symbol]);
    expect(e.service.getState().state).toBe('HALTED');
    const denied = await e.service
      .placeOrder({ symbol, side: 'buy', type: 'market', sizeLots: 1, leverage: 5, stopPrice: '88000' })
      .catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(RiskRejectedError);
    expect((denied as RiskRejectedError).ruleId).toBe('trading-state');
    await until(
      'flat and no stops left',
      () =>
        v.exchange.positions(userId).length === 0 &&
        v.exchange.listStopOrders(userId, { symbol }).items.length === 0,
      20_000,
    );
    expect(e.events.some((ev) => ev.name === 'trading:state-changed' && ev.payload.state === 'HALTED')).toBe(
      true,
    );
    e.service.resumeTrading();
    expect(e.service.getState().state).toBe('ACTIVE');
  });
});

describe('automatic trading-state triggers against the paper venue', () => {
  let venue: RunningVenue | undefined;
  let engine: Engine | undefined;

  afterEach(async () => {
    await engine?.stop();
    await venue?.stop();
  });

  it('positions unreadable past staleMarketDataMs → REDUCING (entries denied), back to ACTIVE when readable', async () => {
    const config = configOf({
      ...fastTrading,
      trading: { ...fastTrading.trading, state: { staleMarketDataMs: 800 } },
    });
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('stale')}/journal.db`);
    const e = engine;
    const fault = venue.admin.addFault({ kind: 'server-error', method: 'GET', path: '/api/v1/positions' });
    await until('REDUCING', () => e.service.getState().activeTriggers.includes('market-data-stale'), 20_000);
    expect(e.service.getState().state).toBe('REDUCING');
    const denied = await e.service
      .placeOrder({ symbol, side: 'buy', type: 'market', sizeLots: 1, leverage: 5, stopPrice: '88000' })
      .catch((error: unknown) => error);
    expect((denied as RiskRejectedError).ruleId).toBe('trading-state');
    venue.admin.removeFault(fault);
    await until('ACTIVE again', () => e.service.getState().state === 'ACTIVE', 20_000);
    const changes = e.events.filter((ev) => ev.name === 'trading:state-changed').map((ev) => ev.payload);
    expect(changes.some((c) => c.state === 'REDUCING' && c.reason.includes('unread'))).toBe(true);
  });

  it('a stop-out beyond the daily loss limit → REDUCING with the numbers', async () => {
    const config = configOf({
      ...fastTrading,
      trading: { ...fastTrading.trading, state: { dailyLossLimitUsdt: '5' } },
    });
    venue = await venueFor(config);
    venue.admin.setPrice(symbol, '90000');
    engine = await engineFor(config, venue, `${tempDir('daily')}/journal.db`);
    const e = engine;
    await e.service.placeOrder({
      symbol,
      side: 'buy',
      type: 'market',
      sizeLots: 10,
      leverage: 5,
      stopPrice: '89000',
    });
    await until('protected', () =>
      e.service
        .listPositions()
        .find((p) => p.protection.status === 'PROTECTED' && p.protection.stopLots === 10),
    );
    venue.admin.setPrice(symbol, '88500');
    await until(
      'daily-loss trigger',
      () => e.service.getState().activeTriggers.includes('daily-loss'),
      20_000,
    );
    const state = e.service.getState();
    expect(state.state).toBe('REDUCING');
    expect(Number(state.dailyRealisedPnl)).toBeLessThan(-5);
    expect(state.reason).toContain('daily realised loss');
  });
});
