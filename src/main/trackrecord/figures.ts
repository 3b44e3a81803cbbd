/**
 * The trade figures (ADR 0651): equity curve, PnL per UTC day, win rate, profit factor, max
 * drawdown, average hold and R. Money is summed exactly (decimal), ratios are plain numbers.
 */
import { add, cmp, dec, div, format, mul, sub, trim, type Dec, ZERO } from '../../shared/domain/decimal.ts';
import type { DayPnl, EquityPoint, TrackSummary, TrackTrade } from '../../shared/ipc/channels/trackrecord.ts';

const HUNDRED = dec(100);
const DAY_MS = 86_400_000;
const out = (value: Dec): string => format(trim(value));
const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** `YYYY-MM-DD` of a time, in UTC. */
export function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The curve: the starting equity (at the first trade's opening), then one point per closed trade. */
export function equityCurve(trades: readonly TrackTrade[], startingEquity: Dec): EquityPoint[] {
  const first = trades[0];
  if (first === undefined) return [];
  const points: EquityPoint[] = [{ at: first.openedAt, equityUsdt: out(startingEquity) }];
  let equity = startingEquity;
  for (const trade of trades) {
    equity = add(equity, dec(trade.netPnlUsdt));
    points.push({ at: trade.closedAt, equityUsdt: out(equity) });
  }
  return points;
}

/** Largest fall from a running peak: in USDT and in % of that peak (2 decimals). */
export function maxDrawdown(curve: readonly EquityPoint[]): { pct: number; usdt: Dec } {
  let peak: Dec | undefined;
  let worstUsdt: Dec = ZERO;
  let worstPct = 0;
  for (const point of curve) {
    const equity = dec(point.equityUsdt);
    if (peak === undefined || cmp(equity, peak) > 0) peak = equity;
    const fall = sub(peak, equity);
    if (cmp(fall, worstUsdt) > 0) worstUsdt = fall;
    if (cmp(peak, ZERO) > 0) worstPct = Math.max(worstPct, Number(format(div(mul(fall, HUNDRED), peak, 4))));
  }
  return { pct: round(worstPct, 2), usdt: worstUsdt };
}

/** Net PnL of the trades closed on each UTC day, oldest first. */
export function pnlByDay(trades: readonly TrackTrade[]): DayPnl[] {
  // Keyed by the UTC day number: formatting a date per trade costs more than the sums.
  const days = new Map<number, { pnl: Dec; trades: number }>();
  for (const trade of trades) {
    const day = Math.floor(trade.closedAt / DAY_MS);
    const row = days.get(day) ?? { pnl: ZERO, trades: 0 };
    days.set(day, { pnl: add(row.pnl, dec(trade.netPnlUsdt)), trades: row.trades + 1 });
  }
  return [...days]
    .sort(([a], [b]) => a - b)
    .map(([day, row]) => ({ day: utcDay(day * DAY_MS), pnlUsdt: out(row.pnl), trades: row.trades }));
}

interface Sums {
  wins: number;
  losses: number;
  profit: Dec;
  loss: Dec;
  fees: Dec;
  funding: Dec;
  holdMs: number;
  rTotal: number;
  rCount: number;
}

function sums(trades: readonly TrackTrade[]): Sums {
  const s: Sums = {
    wins: 0,
    losses: 0,
    profit: ZERO,
    loss: ZERO,
    fees: ZERO,
    funding: ZERO,
    holdMs: 0,
    rTotal: 0,
    rCount: 0,
  };
  for (const trade of trades) {
    const net = dec(trade.netPnlUsdt);
    const sign = cmp(net, ZERO);
    if (sign > 0) {
      s.wins += 1;
      s.profit = add(s.profit, net);
    } else if (sign < 0) {
      s.losses += 1;
      s.loss = add(s.loss, net);
    }
    s.fees = add(s.fees, dec(trade.feesUsdt));
    s.funding = add(s.funding, dec(trade.fundingUsdt));
    s.holdMs += trade.holdMs;
    if (trade.rMultiple !== null) {
      s.rTotal += trade.rMultiple;
      s.rCount += 1;
    }
  }
  return s;
}

/** The summary figures; `tradingDays` and `openTrades` come from the fills. */
export function summarise(
  trades: readonly TrackTrade[],
  curve: readonly EquityPoint[],
  extra: { tradingDays: number; openTrades: number },
): TrackSummary {
  const s = sums(trades);
  const n = trades.length;
  const drawdown = maxDrawdown(curve);
  return {
    trades: n,
    wins: s.wins,
    losses: s.losses,
    winRatePct: n === 0 ? null : round((s.wins / n) * 100, 2),
    profitFactor: s.losses === 0 ? null : round(Number(format(div(s.profit, sub(ZERO, s.loss), 6))), 4),
    grossProfitUsdt: out(s.profit),
    grossLossUsdt: out(s.loss),
    netPnlUsdt: out(add(s.profit, s.loss)),
    feesUsdt: out(s.fees),
    fundingUsdt: out(s.funding),
    maxDrawdownPct: drawdown.pct,
    maxDrawdownUsdt: out(drawdown.usdt),
    averageHoldMs: n === 0 ? null : Math.round(s.holdMs / n),
    averageR: s.rCount === 0 ? null : round(s.rTotal / s.rCount, 4),
    tradingDays: extra.tradingDays,
    openTrades: extra.openTrades,
  };
}
