/**
 * The stops KuCoin creates with an st-order (POST /api/v1/st-orders) are separate stop orders that
 * do not carry our clientOid. They are recognised here — same symbol, the entry's full size, its
 * stop price, on the entry's loss side, created with it — and journaled as ours, linked to their
 * entry, so the watchdog can leave them alone while the entry rests and replace them once it fills
 * (ADR 0336).
 */
import { cmp, dec } from '../../../shared/domain/decimal.ts';
import type { KucoinOrder } from '../../exchange/kucoin/schemas/orders.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import type { TradingRuntime } from '../runtime.ts';

/** An attached stop is created with its entry; allow for the two clocks. */
const CREATED_WITH_ENTRY_MS = 60_000;

function matches(item: KucoinOrder, entry: JournalOrder): boolean {
  const closing = entry.side === 'buy' ? 'sell' : 'buy';
  const lossDirection = entry.side === 'buy' ? 'down' : 'up';
  return (
    item.symbol === entry.symbol &&
    item.side === closing &&
    item.stop === lossDirection &&
    item.size === entry.sizeLots &&
    item.stopPrice !== undefined &&
    entry.stopPrice !== undefined &&
    cmp(dec(item.stopPrice), dec(entry.stopPrice)) === 0 &&
    item.createdAt >= entry.createdAt - CREATED_WITH_ENTRY_MS
  );
}

function legOf(item: KucoinOrder, entry: JournalOrder, now: number): JournalOrder {
  return {
    clientOid: item.clientOid ?? `leg${item.id}`,
    exchangeOrderId: item.id,
    symbol: item.symbol,
    side: item.side,
    type: 'market',
    purpose: 'stop',
    sizeLots: item.size,
    filledLots: 0,
    leverage: entry.leverage,
    reduceOnly: true,
    status: 'ACKED',
    stopPrice: item.stopPrice,
    parentClientOid: entry.clientOid,
    requestJson: JSON.stringify({ attachedTo: entry.clientOid }),
    createdAt: now,
    updatedAt: now,
  };
}

/** Journals the not-yet-claimed attached stops among `items` (untriggered stop orders). */
export function claimAttachedStops(rt: TradingRuntime, items: readonly KucoinOrder[]): void {
  const { journal } = rt.deps;
  const waiting = journal
    .recentOrders(200)
    .filter(
      (o) =>
        o.purpose === 'entry' &&
        o.stopAttachment === 'attached' &&
        o.linkedStopClientOid === undefined &&
        o.exchangeOrderId !== undefined,
    );
  if (waiting.length === 0) return;
  for (const item of items) {
    if (item.reduceOnly !== true || item.stopTriggered === true) continue;
    if (
      (item.clientOid !== undefined &&
        item.clientOid !== null &&
        journal.getOrder(item.clientOid) !== undefined) ||
      journal.getOrderByExchangeId(item.id) !== undefined
    )
      continue;
    const entry = waiting.find(
      (candidate) => candidate.linkedStopClientOid === undefined && matches(item, candidate),
    );
    if (entry === undefined) continue;
    const leg = legOf(item, entry, rt.deps.now());
    journal.transaction(() => {
      rt.deps.tracker.adopt(leg);
      journal.updateOrder({ ...entry, linkedStopClientOid: leg.clientOid, updatedAt: rt.deps.now() });
    });
    waiting.splice(waiting.indexOf(entry), 1);
  }
}
