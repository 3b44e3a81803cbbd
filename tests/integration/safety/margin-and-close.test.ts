// Protective orders are never refused by our own gates (issue item 1): every order carries the
// symbol's real margin mode, so a CROSS position is protected and closable exactly like an isolated
// one; the mode can change only while the symbol is flat; an emergency close that fails is retried,
// with a critical alert each time, until the position is flat.
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/shared/errors.ts';
import {
  configOf,
  coveredAtVenue,
  drill,
  fastTrading,
  openCovered,
  until,
  venueLots,
  type Drill,
} from './harness.ts';

const symbol = 'ETHUSDTM';
const config = configOf(fastTrading);

describe('margin mode and the emergency close', () => {
  let d: Drill | undefined;
  afterEach(async () => {
    await d?.stop();
    d = undefined;
  });

  for (const marginMode of ['CROSS', 'ISOLATED'] as const) {
    it(`a ${marginMode} short is protected and closable; its orders carry ${marginMode}`, async () => {
      d = await drill(config, `mode-${marginMode}`, { ETHUSDTM: '3000' });
      const e = d.engine;
      expect(await e.service.setMarginMode(symbol, marginMode)).toMatchObject({
        symbol,
        marginMode,
        changeable: true,
      });
      await openCovered(d, symbol, 'sell', 3, '3090');
      expect(d.venue.exchange.position(d.userId, symbol).marginMode).toBe(marginMode);
      expect(await e.service.getMarginMode(symbol)).toMatchObject({ marginMode, changeable: false });
      // The stop goes after the exchange removes it, in the same mode.
      d.venue.exchange.cancelStopOrders(d.userId, symbol);
      await coveredAtVenue(d, symbol, 3);
      expect(
        d.venue.exchange.listStopOrders(d.userId, { symbol }).items.every((s) => s.marginMode === marginMode),
      ).toBe(true);
      await e.service.closePosition(symbol);
      await until('flat', () => d !== undefined && venueLots(d, symbol) === 0);
    });
  }

  it('the margin mode cannot change while the symbol has a position; the refusal says why', async () => {
    d = await drill(config, 'mode-locked', { ETHUSDTM: '3000' });
    await openCovered(d, symbol, 'buy', 1, '2900');
    const refused = await d.engine.service.setMarginMode(symbol, 'CROSS').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).message).toMatch(/position .* is open/);
    expect(d.venue.exchange.position(d.userId, symbol).marginMode).toBe('ISOLATED');
  });

  it('an emergency close the exchange refuses is retried, a critical alert each time, until flat', async () => {
    const strict = configOf({
      ...fastTrading,
      trading: {
        ...fastTrading.trading,
        protection: {
          watchdogIntervalMs: 200,
          nakedAlertAfterS: 60,
          closeAfterNakedS: 60,
          stopPlaceMaxAttempts: 2,
          emergencyCloseRetryInitialMs: 200,
          emergencyCloseRetryMaxMs: 400,
        },
      },
    });
    d = await drill(strict, 'emergency-retry', { ETHUSDTM: '3000' });
    const e = d.engine;
    await openCovered(d, symbol, 'buy', 2, '2900');
    // Every order is refused: the stop (twice), then the emergency close, again and again.
    const fault = d.venue.admin.addFault({
      kind: 'reject',
      method: 'POST',
      path: '/api/v1/orders',
      code: '300014',
      msg: 'position being liquidated',
    });
    d.venue.exchange.cancelStopOrders(d.userId, symbol);
    await until(
      'two failed closes alerted',
      () => e.alerts.filter((a) => a.code === 'emergency-close-failed').length >= 2,
      20_000,
    );
    expect(venueLots(d, symbol)).toBe(2);
    expect(
      e.alerts.filter((a) => a.code === 'emergency-close-failed').every((a) => a.severity === 'critical'),
    ).toBe(true);
    d.venue.admin.removeFault(fault);
    await until('flat', () => d !== undefined && venueLots(d, symbol) === 0, 20_000);
  });
});
