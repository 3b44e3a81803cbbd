/**
 * Builds the exchange request for an order spec (POST /api/v1/orders, /api/v1/st-orders). Stops
 * trigger on the **mark** price (`stopPriceType: MP` — liquidation also runs on mark) and are
 * reduce-only so overlapping stops during a hand-off can never over-close or open a reverse
 * position. A take-profit is the same kind of order on the profit side (ADR 0342): it triggers
 * the other way and goes in the `order` lane, so it never queues in front of a loss-side stop.
 * Every order carries the symbol's actual margin mode.
 */
import type { OrderPurpose } from '../../../shared/domain/order.ts';
import type { MarginMode } from '../../../shared/domain/position.ts';
import type { OrderType, Side } from '../../../shared/domain/primitives.ts';
import type {
  PlaceOrderRequest,
  PlaceOrderWithStopsRequest,
} from '../../exchange/kucoin/endpoints/orders.ts';

/** What the engine wants to send. */
export interface OrderSpec {
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly sizeLots: number;
  readonly price?: string | undefined;
  readonly leverage: number;
  /** The symbol's margin mode at the exchange; a mismatch is refused by KuCoin (330005). */
  readonly marginMode: MarginMode;
  readonly reduceOnly: boolean;
  readonly purpose: OrderPurpose;
  /** For a protective stop or a take-profit: its mark-price trigger. */
  readonly stopPrice?: string | undefined;
  /** For an entry sent as an st-order: the attached stop-loss trigger. */
  readonly attachedStopPrice?: string | undefined;
  /** The entry a stop protects, or the position a close belongs to. */
  readonly parentClientOid?: string | undefined;
}

/** The request as journaled and sent; `withStops` selects POST /api/v1/st-orders. */
export interface BuiltRequest {
  readonly withStops: boolean;
  readonly request: PlaceOrderRequest | PlaceOrderWithStopsRequest;
}

/** A long's stop sells when the price falls (`down`); a short's buys when it rises (`up`) — docs/reference/kucoin-futures.md#stop-orders, #stop-direction. */
export function stopDirection(closingSide: Side): 'up' | 'down' {
  return closingSide === 'sell' ? 'down' : 'up';
}

/** A long's take-profit sells when the price rises (`up`); a short's buys when it falls (`down`). */
export function takeProfitDirection(closingSide: Side): 'up' | 'down' {
  return closingSide === 'sell' ? 'up' : 'down';
}

/** Builds the wire request for `spec` with our clientOid. */
export function buildRequest(spec: OrderSpec, clientOid: string): BuiltRequest {
  const base = {
    clientOid,
    symbol: spec.symbol,
    side: spec.side,
    type: spec.type,
    leverage: spec.leverage,
    size: spec.sizeLots,
    marginMode: spec.marginMode,
    ...(spec.type === 'limit' && spec.price !== undefined
      ? { price: spec.price, timeInForce: 'GTC' as const }
      : {}),
    ...(spec.reduceOnly ? { reduceOnly: true } : {}),
  };
  if (spec.purpose === 'stop' && spec.stopPrice !== undefined) {
    return {
      withStops: false,
      request: { ...base, stop: stopDirection(spec.side), stopPriceType: 'MP', stopPrice: spec.stopPrice },
    };
  }
  if (spec.purpose === 'take-profit' && spec.stopPrice !== undefined) {
    const trigger = { stop: takeProfitDirection(spec.side), stopPriceType: 'MP' as const };
    return { withStops: false, request: { ...base, ...trigger, stopPrice: spec.stopPrice, lane: 'order' } };
  }
  if (spec.attachedStopPrice !== undefined) {
    // st-order: for a long the stop-loss is the "down" trigger, for a short the "up" one (docs/reference/kucoin-futures.md#stop-orders).
    const trigger =
      spec.side === 'buy'
        ? { triggerStopDownPrice: spec.attachedStopPrice }
        : { triggerStopUpPrice: spec.attachedStopPrice };
    return { withStops: true, request: { ...base, ...trigger, stopPriceType: 'MP' } };
  }
  return { withStops: false, request: base };
}
