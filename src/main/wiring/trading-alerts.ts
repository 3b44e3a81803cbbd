/**
 * Alerts read off the trading engine's events (trading raises its own critical ones through
 * raiseAlert): an order the exchange rejected, fills, the daily-loss limit, trading active again,
 * and the "cleared" follow-ups of conditions trading raised — a naked position protected (or
 * closed) again, a liquidation warning that cleared.
 */
import type { Order } from '../../shared/domain/order.ts';
import type { AlertInput } from '../../shared/ipc/channels/alerts.ts';
import type { AlertRouter } from '../alerts/index.ts';
import type { Config } from '../config/schema.ts';
import type { Clock } from '../time/clock.ts';
import type { TradingEvent, TradingService } from '../trading/index.ts';

type Raise = (alert: AlertInput) => void;
type Payload<N extends TradingEvent['name']> = Extract<TradingEvent, { name: N }>['payload'];

function orderAlerts(raise: Raise, now: () => number): (order: Order) => void {
  const filled = new Map<string, number>();
  const rejected = new Set<string>();
  return (order) => {
    const { symbol, clientOid } = order;
    if (order.status === 'REJECTED' && !rejected.has(clientOid)) {
      rejected.add(clientOid);
      raise({
        // One condition per symbol and purpose: a stop refused on every retry is one alert, not a storm
        // (the watchdog raises stop-unplaceable when it gives up).
        severity: 'warning',
        code: 'order-rejected',
        key: `order-rejected:${symbol}:${order.purpose}`,
        symbol,
        at: now(),
        message: `${symbol}: the exchange rejected the ${order.purpose} order (${order.side} ${order.sizeLots} lots ${order.type}): ${order.reason ?? 'no reason given'}.`,
        details: { clientOid, purpose: order.purpose, side: order.side, sizeLots: order.sizeLots },
      });
    }
    const before = filled.get(clientOid) ?? 0;
    if (order.filledLots > before) {
      filled.set(clientOid, order.filledLots);
      raise({
        severity: 'info',
        code: 'order-filled',
        symbol,
        at: now(),
        message: `${symbol}: ${order.purpose} ${order.side} filled ${order.filledLots - before} lots${order.avgFillPrice === undefined ? '' : ` (average ${order.avgFillPrice})`}; ${order.filledLots} of ${order.sizeLots} done.`,
        details: {
          clientOid,
          fillId: `${clientOid}:${order.filledLots}`,
          filledLots: order.filledLots,
          sizeLots: order.sizeLots,
          ...(order.avgFillPrice === undefined ? {} : { avgFillPrice: order.avgFillPrice }),
        },
      });
    }
    if (order.status === 'FILLED' || order.status === 'CANCELLED' || order.status === 'REJECTED') {
      filled.delete(clientOid);
      rejected.delete(clientOid);
    }
  };
}

function stateAlerts(
  raise: Raise,
  service: Pick<TradingService, 'getState'>,
  config: () => Config,
): (change: Payload<'trading:state-changed'>) => void {
  return (change) => {
    const { trigger } = change.details;
    if (trigger === 'daily-loss') {
      const holds = service.getState().activeTriggers.includes('daily-loss');
      const limit = config().trading.state.dailyLossLimitUsdt;
      raise(
        holds
          ? {
              severity: 'critical',
              code: 'daily-loss-limit',
              at: change.at,
              message: `Daily loss limit reached: realised ${String(change.details.dailyRealisedPnl ?? '?')} USDT today against a limit of ${limit} USDT. Trading is ${change.state}: only orders that reduce positions go out until 00:00 UTC.`,
              details: { ...change.details, dailyLossLimitUsdt: limit },
            }
          : {
              severity: 'info',
              code: 'daily-loss-reset',
              at: change.at,
              message: 'The daily loss limit was reset at 00:00 UTC.',
              details: { ...change.details },
            },
      );
    }
    if (change.state === 'ACTIVE' && change.previous !== 'ACTIVE' && trigger !== 'not-reconciled') {
      raise({
        severity: 'info',
        code: 'trading-resumed',
        at: change.at,
        message: `Trading is active again (${change.reason}).`,
        details: { previous: change.previous },
      });
    }
  };
}

function clearedAlerts(raise: Raise, config: () => Config): (event: TradingEvent) => void {
  const nakedFor = new Map<string, number>();
  const nearLiquidation = new Set<string>();
  const cleared = (code: string, symbol: string, message: string, at: number): void => {
    raise({ severity: 'info', code, symbol, message, details: {}, at });
  };
  return (event) => {
    if (event.name === 'trading:protection-changed') {
      const { symbol, status, nakedForS, at } = event.payload;
      if (status === 'NAKED') nakedFor.set(symbol, Math.max(nakedForS, nakedFor.get(symbol) ?? 0));
      else if ((nakedFor.get(symbol) ?? 0) > config().trading.protection.nakedAlertAfterS)
        cleared(
          'position-protected',
          symbol,
          `${symbol}: the position has its full exchange-side stop again.`,
          at,
        );
      if (status === 'PROTECTED') nakedFor.delete(symbol);
    } else if (event.name === 'trading:position-updated' && event.payload.position === null) {
      const { symbol, at } = event.payload;
      if ((nakedFor.get(symbol) ?? 0) > config().trading.protection.nakedAlertAfterS)
        cleared('position-flat', symbol, `${symbol}: the unprotected position is closed.`, at);
      nakedFor.delete(symbol);
    } else if (event.name === 'trading:liquidation-warning') {
      const { symbol, level, at } = event.payload;
      if (level !== 'cleared') nearLiquidation.add(symbol);
      else if (nearLiquidation.delete(symbol))
        cleared(
          'liquidation-cleared',
          symbol,
          `${symbol}: the mark price is away from liquidation again (${event.payload.distancePct.toFixed(2)} % away).`,
          at,
        );
    }
  };
}

/** Subscribes the alerts to the trading service's events; returns the unsubscribe function. */
export function alertOnTradingEvents(
  service: Pick<TradingService, 'on' | 'getState'>,
  alerts: Pick<AlertRouter, 'raise'>,
  config: () => Config,
  clock: Clock,
): () => void {
  const raise: Raise = (alert) => {
    alerts.raise(alert);
  };
  const onOrder = orderAlerts(raise, () => clock.now());
  const onState = stateAlerts(raise, service, config);
  const onCleared = clearedAlerts(raise, config);
  return service.on((event) => {
    if (event.name === 'trading:order-updated') onOrder(event.payload);
    else if (event.name === 'trading:state-changed') onState(event.payload);
    else onCleared(event);
  });
}
