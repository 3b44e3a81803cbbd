/**
 * Notices positions that grow, shrink or close, and says why (ADR 0305, 0333): our stop, our close,
 * a liquidation, an auto-deleverage, or something else (a manual close on the website). The fills
 * of the change are read and journaled; a reduction's realised PnL is its closing fills' PnL minus
 * their exit fees minus the share of the opening fees the closed lots carry (plus, on a full close,
 * the funding the position settled, for the record). Growth adds its opening fees to the ledger.
 */
import { add, dec, format, mul, sub, type Dec, ZERO } from '../../../shared/domain/decimal.ts';
import type { KucoinFill } from '../../exchange/kucoin/schemas/orders.ts';
import { raiseAlert, type TradingDeps } from '../deps.ts';
import { fillTimeMs } from '../orders/order-fills.ts';
import type { ExchangePosition } from '../wire-map.ts';
import { addOpeningFees, takeShare } from './position-ledger.ts';

/** Why a position shrank. */
export type CloseCause = 'stop' | 'close' | 'liquidation' | 'adl' | 'external';

/** A detected reduction. */
export interface PositionReduction {
  readonly symbol: string;
  readonly cause: CloseCause;
  readonly closedLots: number;
  /** Trade PnL of the closed lots plus, on a full close, the position's funding (the journal's figure). */
  readonly realisedPnl: string;
  /** Closing fills' PnL − exit fees − the closed lots' share of the opening fees (what the loss guard counts). */
  readonly tradePnl: string;
  /** Funding the position settled over its life (full close only, else 0; counted as it settled). */
  readonly fundingPnl: string;
  readonly fullyClosed: boolean;
}

const tradeTypes = new Set(['trade', 'liquid', 'adl', 'settlement']);

function causeOf(deps: TradingDeps, fills: readonly KucoinFill[]): CloseCause {
  if (fills.some((f) => f.tradeType === 'liquid')) return 'liquidation';
  if (fills.some((f) => f.tradeType === 'adl')) return 'adl';
  const ours = deps.journal.recentOrders(500).filter((o) => o.exchangeOrderId !== undefined);
  const byId = new Map(ours.map((o) => [o.exchangeOrderId, o]));
  const purposes = fills.map((f) => byId.get(f.orderId)?.purpose);
  if (purposes.includes('stop')) return 'stop';
  if (purposes.includes('close')) return 'close';
  return 'external';
}

/** PnL of the closing fills of `previous`, net of their own fees. Unknown entry → the fills' fees only. */
function closingPnl(previous: ExchangePosition, fills: readonly KucoinFill[], multiplier: Dec): Dec {
  let pnl: Dec = ZERO;
  for (const fill of fills) {
    const closing = previous.side === 'long' ? fill.side === 'sell' : fill.side === 'buy';
    if (!closing) continue;
    if (previous.avgEntryPrice !== undefined) {
      const entry = dec(previous.avgEntryPrice);
      const diff = previous.side === 'long' ? sub(dec(fill.price), entry) : sub(entry, dec(fill.price));
      pnl = add(pnl, mul(mul(diff, dec(fill.size)), multiplier));
    }
    pnl = sub(pnl, dec(fill.fee ?? '0'));
  }
  return pnl;
}

function journalFills(deps: TradingDeps, fills: readonly KucoinFill[]): void {
  for (const f of fills) {
    deps.journal.recordFill({
      tradeId: f.tradeId, exchangeOrderId: f.orderId, symbol: f.symbol, side: f.side, sizeLots: f.size, price: f.price, fee: f.fee ?? '0',
      liquidity: f.liquidity === 'maker' ? 'maker' : 'taker', tradeType: (tradeTypes.has(f.tradeType ?? '') ? f.tradeType : 'trade') as 'trade', at: fillTimeMs(f.createdAt ?? f.tradeTime ?? deps.now()),
    });
  }
}

/** How the position of one symbol changed between two reads. */
function changeOf(previous: ExchangePosition | undefined, current: ExchangePosition | undefined): { closedLots: number; addedLots: number } {
  if (previous === undefined) return { closedLots: 0, addedLots: current?.sizeLots ?? 0 };
  if (current?.side !== previous.side) return { closedLots: previous.sizeLots, addedLots: current?.sizeLots ?? 0 };
  const delta = current.sizeLots - previous.sizeLots;
  return delta >= 0 ? { closedLots: 0, addedLots: delta } : { closedLots: -delta, addedLots: 0 };
}

/**
 * Compares the previous and current position of a symbol; when it changed, reads the fills since
 * `sinceMs`, journals them, keeps the opening fees, and returns the reduction when it shrank.
 * @throws the client's error when the fills cannot be read (the caller retries on the next pass).
 */
export async function accountPositionChange(deps: TradingDeps, previous: ExchangePosition | undefined, current: ExchangePosition | undefined, sinceMs: number): Promise<PositionReduction | undefined> {
  const { closedLots, addedLots } = changeOf(previous, current);
  if (closedLots <= 0 && addedLots <= 0) return undefined;
  const symbol = previous?.symbol ?? current?.symbol ?? '';
  const page = await deps.rest.listFills({ symbol, startAtMs: sinceMs - 5000, pageSize: 200 }, { lane: 'protective' });
  journalFills(deps, page.items);
  if (current !== undefined && addedLots > 0) addOpeningFees(deps, current, page.items, addedLots);
  if (previous === undefined || closedLots <= 0) return undefined;
  return reductionOf(deps, previous, current, closedLots, page.items);
}

function reductionOf(deps: TradingDeps, previous: ExchangePosition, current: ExchangePosition | undefined, closedLots: number, fills: readonly KucoinFill[]): PositionReduction {
  const fullyClosed = current?.side !== previous.side;
  const cause = causeOf(deps, fills);
  const multiplier = deps.contracts.get(previous.symbol)?.prepared.multiplier ?? dec('1');
  const share = takeShare(deps, previous.symbol, previous.side, closedLots, fullyClosed);
  const openingShare = share.openingFeeUsdt;
  const tradePnl = sub(closingPnl(previous, fills, multiplier), openingShare);
  // The funding counted as it settled (funding.ts), not the last `posFunding` seen, which may lag.
  const funding = share.fundingUsdt;
  const reduction: PositionReduction = {
    symbol: previous.symbol, cause, closedLots, fullyClosed,
    realisedPnl: format(add(tradePnl, funding), 8), tradePnl: format(tradePnl, 8), fundingPnl: format(funding, 8),
  };
  deps.journal.append('position-event', { event: fullyClosed ? 'closed' : 'reduced', cause, closedLots, realisedPnl: reduction.realisedPnl, tradePnl: reduction.tradePnl, openingFeeShare: format(openingShare, 8), fundingPnl: reduction.fundingPnl, markPrice: previous.markPrice ?? null }, { symbol: previous.symbol });
  if (cause === 'liquidation' || cause === 'adl' || cause === 'external') {
    const severity = cause === 'external' ? 'warning' : 'critical';
    raiseAlert(deps, severity, `position-${cause}`, `${previous.symbol}: ${closedLots} lots of the ${previous.side} position were closed by ${cause === 'external' ? 'something other than Bulwark' : cause}`, previous.symbol, { closedLots, realisedPnl: reduction.realisedPnl });
  }
  return reduction;
}
