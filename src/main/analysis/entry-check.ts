/**
 * An entry against the weighted verdict (ADR 0703): the ticket's warning, and the optional risk
 * rule `against-verdict` (off by default) that refuses such an entry with its numbers. Both are
 * pure so the ticket, the risk engine and the tests agree on one definition.
 */
import type { Side } from '../../shared/domain/primitives.ts';
import type { Verdict } from '../../shared/ipc/channels/analysis.ts';
import type { AnalysisConfig } from '../config/sections/analysis.ts';
import type { Timeframe } from '../market/timeframes.ts';

/** `+0.45`, `−0.62` (a real minus sign), `0.00`. */
export function signedScore(value: number): string {
  const text = Math.abs(value).toFixed(2);
  if (text === '0.00') return text;
  return value > 0 ? `+${text}` : `\u2212${text}`;
}

/** Whether buying (selling) goes against a verdict pointing down (up). */
function isAgainst(side: Side, verdict: Verdict): boolean {
  return side === 'buy' ? verdict.value < 0 : verdict.value > 0;
}

/** `Entering long against the 4h downtrend, verdict −0.62` */
export function againstVerdictSentence(side: Side, verdict: Verdict): string {
  const trend = verdict.value < 0 ? 'downtrend' : 'uptrend';
  return `Entering ${side === 'buy' ? 'long' : 'short'} against the ${verdict.strongestTimeframe} ${trend}, verdict ${signedScore(verdict.value)}`;
}

/**
 * The ticket's warning for an entry on `side`, or undefined when the entry goes with the verdict,
 * there is none, or it is weaker than `warnStrength` / less sure than `warnMinConfidence`.
 */
export function entryWarning(
  side: Side,
  verdict: Verdict | null | undefined,
  entry: AnalysisConfig['entry'],
): string | undefined {
  if (verdict === null || verdict === undefined || !isAgainst(side, verdict)) return undefined;
  if (Math.abs(verdict.value) < entry.warnStrength || verdict.confidence < entry.warnMinConfidence)
    return undefined;
  return againstVerdictSentence(side, verdict);
}

/** Why the `against-verdict` rule refuses an entry: the rule, the sentence, and the numbers. */
export interface AgainstVerdictDenial {
  readonly ruleId: 'against-verdict';
  readonly side: Side;
  /** The verdict, −1…+1. */
  readonly verdict: number;
  readonly confidence: number;
  /** The timeframe that pulls hardest against the entry. */
  readonly strongestTimeframe: Timeframe;
  readonly refuseStrength: number;
  readonly refuseMinConfidence: number;
  /** What the trader reads. */
  readonly message: string;
  /** The same numbers, flat, for `RiskRejectedError.details` / `RiskDenial.numbers`. */
  readonly numbers: Readonly<Record<string, string | number | boolean>>;
}

/**
 * The optional risk rule: undefined (allowed) unless `refuseAgainstVerdict` is on and the entry
 * goes against a verdict with |value| ≥ `refuseStrength` and confidence ≥ `refuseMinConfidence`.
 * No verdict (not enough history) never refuses: the rule cannot judge what it cannot see.
 */
export function againstVerdictDenial(
  side: Side,
  verdict: Verdict | null | undefined,
  entry: AnalysisConfig['entry'],
): AgainstVerdictDenial | undefined {
  if (!entry.refuseAgainstVerdict || verdict === null || verdict === undefined || !isAgainst(side, verdict))
    return undefined;
  if (Math.abs(verdict.value) < entry.refuseStrength || verdict.confidence < entry.refuseMinConfidence)
    return undefined;
  const message =
    `${againstVerdictSentence(side, verdict)} (confidence ${verdict.confidence.toFixed(2)}): ` +
    `entries against a verdict of ${entry.refuseStrength.toFixed(2)} or more with confidence ${entry.refuseMinConfidence.toFixed(2)} or more are refused`;
  return {
    ruleId: 'against-verdict',
    side,
    verdict: verdict.value,
    confidence: verdict.confidence,
    strongestTimeframe: verdict.strongestTimeframe,
    refuseStrength: entry.refuseStrength,
    refuseMinConfidence: entry.refuseMinConfidence,
    message,
    numbers: {
      side,
      verdict: verdict.value,
      confidence: verdict.confidence,
      strongestTimeframe: verdict.strongestTimeframe,
      refuseStrength: entry.refuseStrength,
      refuseMinConfidence: entry.refuseMinConfidence,
    },
  };
}
