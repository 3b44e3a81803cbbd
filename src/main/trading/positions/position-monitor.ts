/**
 * Notices positions that shrink or close, and says why (ADR 0305; field lesson 7): our stop, our
 * close, a liquidation, an auto-deleverage, or something else (a manual close on the website).
 * Realised PnL of each close feeds the daily-loss and stop-out guard.
 */
import { add, dec, format, mul, sub, type Dec, ZERO } from '../../../shared/domain/decimal.ts';
import { raiseAlert, type TradingDeps } from '../deps.ts';
import type { ExchangePosition } from '../wire-map.ts';

/** Why a position shrank. */
export type CloseCause = 'stop' | 'close' | 'liquidation' | 'adl' | 'external';

/** A detected reduction. */
export interface PositionReduction {
  readonly symbol: string;
  readonly cause: CloseCause;
  readonly closedLots: number;
  /** Trade PnL of the closed lots (fills, fees) plus, on a full close, the position's funding. */
  readonly realisedPnl: string;
  /** The fills' part alone (funding already counted as it settled, see funding.ts). */
  readonly tradePnl: string;
  /** Funding the position settled over its life (full close only, else 0). */
  readonly fundingPnl: string;
  readonly fullyClosed: boolean;
}

interface FillLike {
  readonly orderId: string;
  readonly tradeType?: string | undefined;
  readonly price: string;
  readonly size: number;
  readonly fee?: string | undefined;
  readonly side: 'buy' | 'sell';
}

function causeOf(deps: TradingDeps, fills: readonly FillLike[]): CloseCause {
  if (fills.some((f) => f.tradeType === 'liquid')) return 'liquidation';
  if (fills.some((f) => f.tradeType === 'adl')) return 'adl';
  const ours = deps.journal.recentOrders(500).filter((o) => o.exchangeOrderId !== undefined);
  const byId = new Map(ours.map((o) => [o.exchangeOrderId, o]));
  const purposes = fills.map((f) => byId.get(f.orderId)?.purpose);
  if (purposes.includes('stop')) return 'stop';
  if (purposes.includes('close')) return 'close';
  return 'external';
}

function pnlOf(previous: ExchangePosition, fills: readonly FillLike[], multiplier: Dec): Dec {
  const entry = dec(previous.avgEntryPrice);
  let pnl: Dec = ZERO;
  for (const fill of fills) {
    const closing = previous.side === 'long' ? fill.side === 'sell' : fill.side === 'buy';
    if (!closing) continue;
    const diff = previous.side === 'long' ? sub(dec(fill.price), entry) : sub(entry, dec(fill.price));
    pnl = sub(add(pnl, mul(mul(diff, dec(fill.size)), multiplier)), dec(fill.fee ?? '0'));
  }
  return pnl;
}

/**
 * Compares the previous and current position of a symbol; when it shrank, finds the fills since
 * `sinceMs`, records the cause and returns the reduction.
 */
export async function detectReduction(deps: TradingDeps, previous: ExchangePosition, current: ExchangePosition | undefined, sinceMs: number): Promise<PositionReduction | undefined> {
  const sameSide = current?.side === previous.side;
  const closedLots = current !== undefined && sameSide ? previous.sizeLots - current.sizeLots : previous.sizeLots;
  if (closedLots <= 0) return undefined;
  const page = await deps.rest.listFills({ symbol: previous.symbol, startAtMs: sinceMs - 5000, pageSize: 200 });
  const fills: FillLike[] = page.items.map((f) => ({ orderId: f.orderId, tradeType: f.tradeType, price: f.price, size: f.size, fee: f.fee, side: f.side }));
  for (const f of page.items) {
    deps.journal.recordFill({
      tradeId: f.tradeId, exchangeOrderId: f.orderId, symbol: f.symbol, side: f.side, sizeLots: f.size, price: f.price, fee: f.fee ?? '0',
      liquidity: f.liquidity === 'maker' ? 'maker' : 'taker', tradeType: (['trade', 'liquid', 'adl', 'settlement'].includes(f.tradeType ?? '') ? f.tradeType : 'trade') as 'trade', at: Math.floor((f.createdAt ?? deps.now())),
    });
  }
  const cause = causeOf(deps, fills);
  const multiplier = deps.contracts.get(previous.symbol)?.prepared.multiplier ?? dec('1');
  const tradePnl = pnlOf(previous, fills, multiplier);
  const fullyClosed = current === undefined || !sameSide;
  const funding = fullyClosed ? dec(previous.fundingUsdt) : ZERO;
  const realisedPnl = format(add(tradePnl, funding), 8);
  const reduction: PositionReduction = { symbol: previous.symbol, cause, closedLots, realisedPnl, tradePnl: format(tradePnl, 8), fundingPnl: format(funding, 8), fullyClosed };
  deps.journal.append('position-event', { event: fullyClosed ? 'closed' : 'reduced', cause, closedLots, realisedPnl, tradePnl: reduction.tradePnl, fundingPnl: reduction.fundingPnl, markPrice: previous.markPrice }, { symbol: previous.symbol });
  if (cause === 'liquidation' || cause === 'adl' || cause === 'external') {
    const severity = cause === 'external' ? 'warning' : 'critical';
    raiseAlert(deps, severity, `position-${cause}`, `${previous.symbol}: ${closedLots} lots of the ${previous.side} position were closed by ${cause === 'external' ? 'something other than Bulwark' : cause}`, previous.symbol, { closedLots, realisedPnl });
  }
  return reduction;
}
