/**
 * The weighted verdict over the timeframes (ADR 0702): Σ weight × signal / Σ weight over the
 * timeframes that have a signal. Its confidence is coverage (the share of the configured weight
 * that has a signal) × agreement (|Σ w·s| / Σ w·|s|: 1 when every timeframe points the same way).
 * A verdict from the 5-minute chart alone is as strong as it says, but says so with little confidence.
 */
import type { Verdict } from '../../shared/ipc/channels/analysis.ts';
import type { Timeframe } from '../market/timeframes.ts';
import { clampScore, directionOf } from './signal.ts';

/** One timeframe's say in the verdict: its weight and its signal (undefined while it has none). */
export interface TimeframeVote {
  readonly timeframe: Timeframe;
  readonly weight: number;
  readonly signal: number | undefined;
}

/** The timeframe that pulls hardest in the verdict's direction (the heaviest one when all are 0). */
function strongestOf(votes: readonly TimeframeVote[], value: number): Timeframe | undefined {
  let best: TimeframeVote | undefined;
  let bestPull = -1;
  for (const vote of votes) {
    if (vote.signal === undefined) continue;
    const pull =
      value === 0 ? Math.abs(vote.signal) * vote.weight : Math.sign(value) * vote.signal * vote.weight;
    if (pull > bestPull || (pull === bestPull && best !== undefined && vote.weight > best.weight)) {
      best = vote;
      bestPull = pull;
    }
  }
  return best?.timeframe;
}

/** The verdict, or undefined while no timeframe has a signal. */
export function weightedVerdict(votes: readonly TimeframeVote[], flatBand: number): Verdict | undefined {
  let totalWeight = 0;
  let votingWeight = 0;
  let weighted = 0;
  let weightedMagnitude = 0;
  for (const vote of votes) {
    totalWeight += vote.weight;
    if (vote.signal === undefined) continue;
    votingWeight += vote.weight;
    weighted += vote.weight * vote.signal;
    weightedMagnitude += vote.weight * Math.abs(vote.signal);
  }
  if (votingWeight <= 0) return undefined;
  const value = clampScore(weighted / votingWeight);
  const strongestTimeframe = strongestOf(votes, value);
  if (strongestTimeframe === undefined) return undefined;
  const coverage = Math.min(1, votingWeight / totalWeight);
  // Nothing points anywhere (every signal exactly 0): no agreement to speak of.
  const agreement = weightedMagnitude > 0 ? Math.min(1, Math.abs(weighted) / weightedMagnitude) : 0;
  return {
    value,
    direction: directionOf(value, flatBand),
    confidence: coverage * agreement,
    coverage,
    agreement,
    strongestTimeframe,
  };
}
