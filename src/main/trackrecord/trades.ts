/**
 * Trades from fills (ADR 0651): per symbol, a trade runs from flat to flat. Fills on the position's
 * side open lots (average cost), fills on the other side close them at their price; a fill larger
 * than the position closes it and opens the other side with the rest, its fee split by lots.
 * Funding settled on the symbol while the trade was open (from its first fill, up to but not at its
 * last) belongs to the trade.
 */
import {
  abs,
  add,
  cmp,
  dec,
  div,
  format,
  mul,
  sub,
  trim,
  type Dec,
  ZERO,
} from '../../shared/domain/decimal.ts';
import type { TrackTrade } from '../../shared/ipc/channels/trackrecord.ts';
import type { RecordFill, RecordFunding } from './inputs.ts';

const SCALE = 8;

/** A trade being built. */
interface OpenTrade {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly openedAt: number;
  readonly stopPrice: string | undefined;
  lots: number;
  maxLots: number;
  /** Average cost of the lots still open × those lots. */
  cost: Dec;
  openedLots: number;
  openedValue: Dec;
  closedLots: number;
  closedValue: Dec;
  gross: Dec;
  fees: Dec;
}

/** The result: closed trades in closing order and the positions still open. */
export interface TradeBook {
  readonly closed: TrackTrade[];
  readonly open: number;
}

const out = (value: Dec): string => format(trim(value));

function openTrade(fill: RecordFill, lots: number, fee: Dec): OpenTrade {
  const price = dec(fill.price);
  return {
    symbol: fill.symbol,
    side: fill.side === 'buy' ? 'long' : 'short',
    openedAt: fill.at,
    stopPrice: fill.stopPrice,
    lots,
    maxLots: lots,
    cost: mul(price, dec(lots)),
    openedLots: lots,
    openedValue: mul(price, dec(lots)),
    closedLots: 0,
    closedValue: ZERO,
    gross: ZERO,
    fees: fee,
  };
}

function addLots(trade: OpenTrade, price: Dec, lots: number, fee: Dec): void {
  trade.lots += lots;
  trade.maxLots = Math.max(trade.maxLots, trade.lots);
  trade.cost = add(trade.cost, mul(price, dec(lots)));
  trade.openedLots += lots;
  trade.openedValue = add(trade.openedValue, mul(price, dec(lots)));
  trade.fees = add(trade.fees, fee);
}

function closeLots(trade: OpenTrade, price: Dec, lots: number, fee: Dec, multiplier: Dec): void {
  // The closed lots carry their share of the average cost; what stays open keeps the rest.
  const costShare =
    lots === trade.lots ? trade.cost : div(mul(trade.cost, dec(lots)), dec(trade.lots), SCALE);
  const diff = sub(mul(price, dec(lots)), costShare);
  trade.gross = add(trade.gross, mul(trade.side === 'long' ? diff : sub(ZERO, diff), multiplier));
  trade.cost = sub(trade.cost, costShare);
  trade.lots -= lots;
  trade.closedLots += lots;
  trade.closedValue = add(trade.closedValue, mul(price, dec(lots)));
  trade.fees = add(trade.fees, fee);
}

function fundingOf(funding: readonly RecordFunding[], symbol: string, from: number, to: number): Dec {
  let total: Dec = ZERO;
  for (const row of funding)
    if (row.symbol === symbol && row.at >= from && row.at < to) total = add(total, dec(row.fundingUsdt));
  return total;
}

function finish(trade: OpenTrade, closedAt: number, funding: Dec, multiplier: Dec): TrackTrade {
  const entry = div(trade.openedValue, dec(trade.openedLots), SCALE);
  const net = add(sub(trade.gross, trade.fees), funding);
  const risk =
    trade.stopPrice === undefined
      ? undefined
      : mul(mul(abs(sub(entry, dec(trade.stopPrice))), dec(trade.maxLots)), multiplier);
  const rMultiple = risk === undefined || cmp(risk, ZERO) === 0 ? null : Number(format(div(net, risk, 4)));
  return {
    symbol: trade.symbol,
    side: trade.side,
    openedAt: trade.openedAt,
    closedAt,
    holdMs: Math.max(0, closedAt - trade.openedAt),
    maxLots: trade.maxLots,
    entryPrice: out(entry),
    exitPrice: out(div(trade.closedValue, dec(trade.closedLots), SCALE)),
    stopPrice: trade.stopPrice ?? null,
    grossPnlUsdt: out(trade.gross),
    feesUsdt: out(trade.fees),
    fundingUsdt: out(funding),
    netPnlUsdt: out(net),
    rMultiple,
  };
}

/** Applies one fill to its symbol's trade; returns the trade it closed, if any. */
function applyFill(open: Map<string, OpenTrade>, fill: RecordFill, multiplier: Dec): OpenTrade | undefined {
  const price = dec(fill.price);
  const fee = dec(fill.fee);
  const trade = open.get(fill.symbol);
  const long = fill.side === 'buy';
  if (trade === undefined) {
    open.set(fill.symbol, openTrade(fill, fill.lots, fee));
    return undefined;
  }
  if ((trade.side === 'long') === long) {
    addLots(trade, price, fill.lots, fee);
    return undefined;
  }
  const closing = Math.min(fill.lots, trade.lots);
  const rest = fill.lots - closing;
  const closingFee = rest === 0 ? fee : div(mul(fee, dec(closing)), dec(fill.lots), SCALE);
  closeLots(trade, price, closing, closingFee, multiplier);
  if (trade.lots > 0) return undefined;
  open.delete(fill.symbol);
  if (rest > 0)
    open.set(fill.symbol, openTrade({ ...fill, stopPrice: undefined }, rest, sub(fee, closingFee)));
  return trade;
}

/**
 * Builds the trades from the fills (in journal order).
 * @throws ValidationError when a price or fee is not a decimal, or a symbol's multiplier is unknown.
 */
export function buildTrades(
  fills: readonly RecordFill[],
  funding: readonly RecordFunding[],
  multiplierOf: (symbol: string) => Dec,
): TradeBook {
  const open = new Map<string, OpenTrade>();
  const bySymbol = new Map<string, RecordFunding[]>();
  for (const row of funding) {
    const list = bySymbol.get(row.symbol);
    if (list === undefined) bySymbol.set(row.symbol, [row]);
    else list.push(row);
  }
  const closed: TrackTrade[] = [];
  for (const fill of fills) {
    const multiplier = multiplierOf(fill.symbol);
    const done = applyFill(open, fill, multiplier);
    if (done !== undefined)
      closed.push(
        finish(
          done,
          fill.at,
          fundingOf(bySymbol.get(fill.symbol) ?? [], fill.symbol, done.openedAt, fill.at),
          multiplier,
        ),
      );
  }
  return { closed, open: open.size };
}
