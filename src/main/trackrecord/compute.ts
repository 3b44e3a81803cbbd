/**
 * The whole track record of one mode from its parsed journal facts (ADR 0650): trades, equity
 * curve, PnL per day, figures, safety record and readiness. Pure: same inputs, same record.
 */
import { dec, ZERO } from '../../shared/domain/decimal.ts';
import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import type { TrackRecord } from '../../shared/ipc/channels/trackrecord.ts';
import type { TrackRecordConfig } from '../config/sections/trackrecord.ts';
import { equityCurve, pnlByDay, summarise } from './figures.ts';
import type { RecordInputs } from './inputs.ts';
import { readinessOf } from './readiness.ts';
import { safetyRecord } from './safety.ts';
import { buildTrades } from './trades.ts';

const DAY_MS = 86_400_000;

/** What the computation is told besides the facts. */
export interface ComputeOptions {
  readonly mode: TradingMode;
  readonly now: number;
  /** Seconds NAKED an episode may last before it counts against the record (`protection.nakedAlertAfterS`). */
  readonly unprotectedLimitS: number;
  readonly config: TrackRecordConfig;
}

/**
 * Computes the record.
 * @throws ValidationError when a journaled number is not a decimal or a traded symbol's multiplier is unknown.
 */
export function computeTrackRecord(inputs: RecordInputs, options: ComputeOptions): TrackRecord {
  const book = buildTrades(inputs.fills, inputs.funding, inputs.multiplierOf);
  const trades = book.closed;
  const start = inputs.startingEquityUsdt;
  const curve = equityCurve(trades, start === undefined ? ZERO : dec(start));
  const tradingDays = new Set(inputs.fills.map((fill) => Math.floor(fill.at / DAY_MS))).size;
  const summary = summarise(trades, start === undefined ? [] : curve, { tradingDays, openTrades: book.open });
  const safety = safetyRecord(inputs.safety, options.unprotectedLimitS, options.now);
  const readiness = readinessOf(
    { summary, safety, drawdownKnown: start !== undefined || trades.length === 0, now: options.now },
    options.config,
  );
  return {
    mode: options.mode,
    computedAt: options.now,
    startingEquityUsdt: start ?? null,
    trades,
    equityCurve: curve,
    pnlByDay: pnlByDay(trades),
    summary,
    safety,
    readiness,
  };
}
