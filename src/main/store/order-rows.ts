/** Mapping between journal order rows and {@link JournalOrder}. */
import type { Order } from '../../shared/domain/order.ts';

/** An order as journaled: the domain order plus what recovery needs (the exact request, the parent entry). */
export interface JournalOrder extends Order {
  /** For a stop: the entry it protects (or empty for a watchdog stop). */
  readonly parentClientOid?: string | undefined;
  /** The request as it was (or will be) sent; resubmission reuses it byte for byte with the same clientOid. */
  readonly requestJson: string;
  /** For an entry: whether its stop was attached to it (st-order) or follows on the first fill. */
  readonly stopAttachment?: 'attached' | 'separate' | undefined;
}

type Row = Record<string, unknown>;

const str = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'bigint'
      ? String(value)
      : undefined;

/** Named parameters for the insert/update statements. */
export function orderParams(o: JournalOrder): Record<string, string | number | null> {
  return {
    $client_oid: o.clientOid,
    $exchange_order_id: o.exchangeOrderId ?? null,
    $symbol: o.symbol,
    $side: o.side,
    $type: o.type,
    $purpose: o.purpose,
    $size_lots: o.sizeLots,
    $filled_lots: o.filledLots,
    $price: o.price ?? null,
    $stop_price: o.stopPrice ?? null,
    $avg_fill_price: o.avgFillPrice ?? null,
    $leverage: o.leverage,
    $reduce_only: o.reduceOnly ? 1 : 0,
    $status: o.status,
    $reason: o.reason ?? null,
    $linked_stop_client_oid: o.linkedStopClientOid ?? null,
    $parent_client_oid: o.parentClientOid ?? null,
    $request_json: o.requestJson,
    $created_at: o.createdAt,
    $updated_at: o.updatedAt,
    $confirm_latency_ms: o.confirmLatencyMs ?? null,
    $stop_attachment: o.stopAttachment ?? null,
  };
}

/** Rebuilds an order from a row. Optional fields are omitted when NULL (exactOptionalPropertyTypes). */
export function rowToJournalOrder(r: Row): JournalOrder {
  const optional = {
    exchangeOrderId: str(r.exchange_order_id),
    price: str(r.price),
    stopPrice: str(r.stop_price),
    avgFillPrice: str(r.avg_fill_price),
    reason: str(r.reason),
    linkedStopClientOid: str(r.linked_stop_client_oid),
    parentClientOid: str(r.parent_client_oid),
    confirmLatencyMs: r.confirm_latency_ms === null ? undefined : Number(r.confirm_latency_ms),
    stopAttachment:
      r.stop_attachment === 'attached' || r.stop_attachment === 'separate' ? r.stop_attachment : undefined,
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined));
  return {
    clientOid: String(r.client_oid),
    symbol: String(r.symbol),
    side: r.side === 'sell' ? 'sell' : 'buy',
    type: r.type === 'market' ? 'market' : 'limit',
    purpose: String(r.purpose) as JournalOrder['purpose'],
    sizeLots: Number(r.size_lots),
    filledLots: Number(r.filled_lots),
    leverage: Number(r.leverage),
    reduceOnly: Number(r.reduce_only) === 1,
    status: String(r.status) as JournalOrder['status'],
    requestJson: String(r.request_json),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
    ...present,
  };
}
