/**
 * The track record as CSV (RFC 4180): one section per table — trades, PnL per day, the figures,
 * the safety record and the readiness checks — each with its own header row, separated by a blank
 * line, so a spreadsheet opens every table at once.
 */
import type { TrackRecord } from '../../shared/ipc/channels/trackrecord.ts';

type Cell = string | number | boolean | null;

/** Quotes a cell when it holds a comma, quote or line break; a leading formula sign is neutralised. */
function cell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  // A text cell starting with = + @ would run as a formula in a spreadsheet; numbers stay as they are.
  if (typeof value === 'string' && /^[=+@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const row = (cells: readonly Cell[]): string => cells.map(cell).join(',');
const iso = (at: number): string => new Date(at).toISOString();

function tradesSection(record: TrackRecord): string[] {
  const header = [
    'symbol',
    'side',
    'opened',
    'closed',
    'hold_s',
    'max_lots',
    'entry',
    'exit',
    'stop',
    'gross_pnl_usdt',
    'fees_usdt',
    'funding_usdt',
    'net_pnl_usdt',
    'r_multiple',
  ];
  return [
    row(header),
    ...record.trades.map((t) =>
      row([
        t.symbol,
        t.side,
        iso(t.openedAt),
        iso(t.closedAt),
        t.holdMs / 1000,
        t.maxLots,
        t.entryPrice,
        t.exitPrice,
        t.stopPrice,
        t.grossPnlUsdt,
        t.feesUsdt,
        t.fundingUsdt,
        t.netPnlUsdt,
        t.rMultiple,
      ]),
    ),
  ];
}

function figuresSection(record: TrackRecord): string[] {
  const s = record.summary;
  const f = record.safety;
  const pairs: [string, Cell][] = [
    ['mode', record.mode],
    ['computed', iso(record.computedAt)],
    ['starting_equity_usdt', record.startingEquityUsdt],
    ['trades', s.trades],
    ['wins', s.wins],
    ['losses', s.losses],
    ['win_rate_pct', s.winRatePct],
    ['profit_factor', s.profitFactor],
    ['net_pnl_usdt', s.netPnlUsdt],
    ['fees_usdt', s.feesUsdt],
    ['funding_usdt', s.fundingUsdt],
    ['max_drawdown_pct', s.maxDrawdownPct],
    ['max_drawdown_usdt', s.maxDrawdownUsdt],
    ['average_hold_s', s.averageHoldMs === null ? null : s.averageHoldMs / 1000],
    ['average_r', s.averageR],
    ['trading_days', s.tradingDays],
    ['open_trades', s.openTrades],
    ['seconds_unprotected', f.secondsUnprotected],
    ['seconds_unprotected_past_limit', f.secondsUnprotectedPastLimit],
    ['unprotected_limit_s', f.unprotectedLimitS],
    ['kill_switch_uses', f.killSwitchUses],
    ['breaker_opens', f.breakerOpens],
    ['emergency_closes', f.emergencyCloses],
    ['daily_loss_halts', f.dailyLossHalts],
    ...f.riskDenials.map((d): [string, Cell] => [`risk_denials:${d.ruleId}`, d.count]),
    ['readiness', record.readiness.sentence],
  ];
  return [row(['figure', 'value']), ...pairs.map((pair) => row(pair))];
}

/** The CSV text of a record (lines end in CRLF, as RFC 4180 says). */
export function trackRecordCsv(record: TrackRecord): string {
  const days = [
    row(['day', 'net_pnl_usdt', 'trades']),
    ...record.pnlByDay.map((d) => row([d.day, d.pnlUsdt, d.trades])),
  ];
  const checks = [
    row(['readiness_check', 'passed', 'detail']),
    ...record.readiness.checks.map((c) => row([c.id, c.passed, c.text])),
  ];
  return (
    [...tradesSection(record), '', ...days, '', ...figuresSection(record), '', ...checks].join('\r\n') +
    '\r\n'
  );
}
