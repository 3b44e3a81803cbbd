/**
 * The readiness verdict (ADR 0652): the trader's own criteria from config, checked against a track
 * record, in the sentence the panel and the LIVE confirmation show — "Ready for small live size" or
 * "Not yet: 4 of 7 days, drawdown 12.3 % > 10 %". It informs; nothing is forbidden by it.
 */
import type { ReadinessCriteria, TrackRecordConfig } from '../config/sections/trackrecord.ts';
import type {
  Readiness,
  ReadinessCheck,
  SafetyRecord,
  TrackSummary,
} from '../../shared/ipc/channels/trackrecord.ts';

const DAY_MS = 86_400_000;
const num = (value: number): string => String(Math.round(value * 100) / 100);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the checks read. `drawdownKnown` is false when trades exist but no starting equity was journaled. */
export interface ReadinessFacts {
  readonly summary: TrackSummary;
  readonly safety: SafetyRecord;
  readonly drawdownKnown: boolean;
  readonly now: number;
}

function dailyLossCheck(facts: ReadinessFacts, days: number): ReadinessCheck {
  const last = facts.safety.lastDailyLossHaltAt;
  const recent = last !== null && facts.now - last < days * DAY_MS;
  if (!recent)
    return {
      id: 'daily-loss-halt',
      passed: true,
      text: `no daily-loss halt in the last ${plural(days, 'day')}`,
    };
  const ago = Math.max(0, Math.floor((facts.now - last) / DAY_MS));
  return {
    id: 'daily-loss-halt',
    passed: false,
    text: `daily-loss halt ${ago === 0 ? 'today' : `${plural(ago, 'day')} ago`} (none allowed in the last ${plural(days, 'day')})`,
  };
}

function drawdownCheck(facts: ReadinessFacts, maxPct: number): ReadinessCheck {
  if (!facts.drawdownKnown)
    return { id: 'drawdown', passed: false, text: 'drawdown unknown (no starting equity in the journal)' };
  const pct = facts.summary.maxDrawdownPct;
  const passed = pct <= maxPct;
  return { id: 'drawdown', passed, text: `drawdown ${num(pct)} % ${passed ? '≤' : '>'} ${num(maxPct)} %` };
}

/** Every criterion of one bar, checked. */
export function checkCriteria(facts: ReadinessFacts, criteria: ReadinessCriteria): ReadinessCheck[] {
  const { summary, safety } = facts;
  const past = safety.secondsUnprotectedPastLimit;
  const unprotectedPassed = past <= criteria.maxUnprotectedSecondsPastLimit;
  return [
    {
      id: 'trading-days',
      passed: summary.tradingDays >= criteria.minTradingDays,
      text: `${summary.tradingDays} of ${criteria.minTradingDays} days`,
    },
    {
      id: 'trades',
      passed: summary.trades >= criteria.minTrades,
      text: `${summary.trades} of ${criteria.minTrades} trades`,
    },
    {
      id: 'unprotected',
      passed: unprotectedPassed,
      text: `${num(past)} s unprotected past the ${num(safety.unprotectedLimitS)} s limit${unprotectedPassed ? '' : ` > ${num(criteria.maxUnprotectedSecondsPastLimit)} s`}`,
    },
    drawdownCheck(facts, criteria.maxDrawdownPct),
    dailyLossCheck(facts, criteria.noDailyLossHaltDays),
  ];
}

/** The verdict: the full-size bar, else the small-live bar, else what is missing for small live. */
export function readinessOf(facts: ReadinessFacts, config: TrackRecordConfig): Readiness {
  const checks = checkCriteria(facts, config.smallLive);
  if (checkCriteria(facts, config.fullSize).every((check) => check.passed))
    return { stage: 'full', sentence: 'Ready for full size', checks };
  const failing = checks.filter((check) => !check.passed);
  if (failing.length === 0) return { stage: 'small', sentence: 'Ready for small live size', checks };
  return { stage: 'unproven', sentence: `Not yet: ${failing.map((check) => check.text).join(', ')}`, checks };
}
