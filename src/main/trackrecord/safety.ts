/**
 * The safety record (ADR 0651): how long positions stood without a full exchange-side stop, which
 * risk rules denied what, and how often the kill switch, the breaker, the daily-loss halt and the
 * emergency close acted — counted from the journal's own events.
 */
import type { SafetyRecord } from '../../shared/ipc/channels/trackrecord.ts';
import type { SafetyFact } from './inputs.ts';

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** NAKED episodes per symbol; one still open at the end runs until `now` (the journal knows no stop since). */
function nakedEpisodes(facts: readonly SafetyFact[], now: number): number[] {
  const since = new Map<string, number>();
  const episodes: number[] = [];
  for (const fact of facts) {
    if (fact.kind === 'naked') {
      if (!since.has(fact.symbol)) since.set(fact.symbol, fact.at);
    } else if (fact.kind === 'covered') {
      const start = since.get(fact.symbol);
      if (start === undefined) continue;
      since.delete(fact.symbol);
      episodes.push(Math.max(0, fact.at - start) / 1000);
    }
  }
  for (const start of since.values()) episodes.push(Math.max(0, now - start) / 1000);
  return episodes;
}

function denials(facts: readonly SafetyFact[]): SafetyRecord['riskDenials'] {
  const counts = new Map<string, number>();
  for (const fact of facts)
    if (fact.kind === 'denial') counts.set(fact.ruleId, (counts.get(fact.ruleId) ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([ruleId, count]) => ({ ruleId, count }));
}

/** A trigger's raises (a raise while it already holds — e.g. restored at a restart — is the same one) and when it last held. */
function triggerHistory(
  facts: readonly SafetyFact[],
  trigger: string,
  now: number,
): { raises: number; lastHeldAt: number | null } {
  let holding = false;
  let raises = 0;
  let lastHeldAt: number | null = null;
  for (const fact of facts) {
    if (fact.kind !== 'trigger' || fact.trigger !== trigger) continue;
    if (fact.raised && !holding) raises += 1;
    holding = fact.raised;
    lastHeldAt = fact.at;
  }
  return { raises, lastHeldAt: holding ? now : lastHeldAt };
}

/** Computes the safety record. `limitS` is the NAKED time the alert limit allows per episode. */
export function safetyRecord(facts: readonly SafetyFact[], limitS: number, now: number): SafetyRecord {
  const episodes = nakedEpisodes(facts, now);
  const halts = triggerHistory(facts, 'daily-loss', now);
  return {
    secondsUnprotected: round(episodes.reduce((sum, s) => sum + s, 0)),
    secondsUnprotectedPastLimit: round(episodes.reduce((sum, s) => sum + Math.max(0, s - limitS), 0)),
    unprotectedLimitS: limitS,
    nakedEpisodes: episodes.length,
    riskDenials: denials(facts),
    killSwitchUses: facts.filter((fact) => fact.kind === 'kill-switch').length,
    breakerOpens: triggerHistory(facts, 'breaker-open', now).raises,
    emergencyCloses: facts.filter((fact) => fact.kind === 'emergency-close').length,
    dailyLossHalts: halts.raises,
    lastDailyLossHaltAt: halts.lastHeldAt,
  };
}
