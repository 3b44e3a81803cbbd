/** Journals an order's fills (idempotent by trade id) when its filled size grew. */
import type { Logger } from '../../observability/logger.ts';
import type { Journal } from '../../store/journal.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import type { TradingRest } from '../client-port.ts';

const tradeTypes = new Set(['liquid', 'adl', 'settlement']);

/** KuCoin gives fill times in ms or ns; anything above 1e14 is not milliseconds. */
export function fillTimeMs(at: number): number {
  return at > 1e14 ? Math.floor(at / 1e6) : at;
}

/** Reads the fills of one exchange order and journals the new ones. Never throws (logged). */
export async function recordOrderFills(
  rest: TradingRest,
  journal: Journal,
  logger: Logger,
  now: () => number,
  order: JournalOrder,
  exchangeOrderId: string,
): Promise<void> {
  try {
    const page = await rest.listFills({ orderId: exchangeOrderId, pageSize: 200 }, { lane: 'protective' });
    for (const f of page.items) {
      const tradeType =
        f.tradeType !== undefined && tradeTypes.has(f.tradeType)
          ? (f.tradeType as 'liquid' | 'adl' | 'settlement')
          : 'trade';
      journal.recordFill({
        tradeId: f.tradeId,
        exchangeOrderId,
        clientOid: order.clientOid,
        symbol: f.symbol,
        side: f.side,
        sizeLots: f.size,
        price: f.price,
        fee: f.fee ?? '0',
        liquidity: f.liquidity === 'maker' ? 'maker' : 'taker',
        tradeType,
        at: fillTimeMs(f.createdAt ?? f.tradeTime ?? now()),
      });
    }
  } catch (error) {
    logger.warn('fills-fetch-failed', { clientOid: order.clientOid, error: String(error) });
  }
}
