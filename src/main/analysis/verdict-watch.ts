/** Watches each followed contract's verdict and reports sign flips and strength crossings (ADR 0702). */
import type { AnalysisSnapshot, VerdictChanged } from '../../shared/ipc/channels/analysis.ts';
import type { AnalysisConfig } from '../config/sections/analysis.ts';
import { signedScore } from './entry-check.ts';
import { stepVerdictZone, type VerdictZone } from './verdict-alerts.ts';

/** The sentence of a verdict change. */
export function verdictChangeMessage(change: Omit<VerdictChanged, 'message'>, alertStrength: number): string {
  const led = `led by ${change.strongestTimeframe}, confidence ${change.confidence.toFixed(2)}`;
  const verdict = signedScore(change.verdict);
  if (change.change === 'sign') {
    const was = change.previousVerdict === null ? '' : ` (was ${signedScore(change.previousVerdict)})`;
    return `${change.symbol} verdict turned ${change.verdict < 0 ? 'down' : 'up'}: ${verdict}${was}, ${led}`;
  }
  if (change.change === 'strengthened')
    return `${change.symbol} verdict strengthened to ${verdict} (alert strength ${alertStrength.toFixed(2)}), ${led}`;
  return `${change.symbol} verdict weakened to ${verdict} (below the alert strength ${alertStrength.toFixed(2)}), ${led}`;
}

/** Per-contract verdict zones and the listeners of their changes. */
export class VerdictWatch {
  readonly #config: AnalysisConfig['verdict'];
  readonly #zones = new Map<string, VerdictZone>();
  readonly #listeners = new Set<(change: VerdictChanged) => void>();

  constructor(config: AnalysisConfig['verdict']) {
    this.#config = config;
  }

  /** Steps the contract's zone with the snapshot's verdict; tells the listeners when it changed. */
  observe(snapshot: AnalysisSnapshot): void {
    const verdict = snapshot.verdict;
    if (verdict === null) return;
    const previous = this.#zones.get(snapshot.symbol);
    const step = stepVerdictZone(previous, verdict.value, this.#config);
    this.#zones.set(snapshot.symbol, step.zone);
    if (step.change === undefined) return;
    const base = {
      symbol: snapshot.symbol,
      at: snapshot.at,
      change: step.change,
      verdict: verdict.value,
      previousVerdict: previous?.value ?? null,
      direction: verdict.direction,
      strong: step.zone.strong,
      confidence: verdict.confidence,
      strongestTimeframe: verdict.strongestTimeframe,
    };
    const change: VerdictChanged = {
      ...base,
      message: verdictChangeMessage(base, this.#config.alertStrength),
    };
    for (const listener of this.#listeners) listener(change);
  }

  /** Forgets a contract that is no longer followed. */
  forget(symbol: string): void {
    this.#zones.delete(symbol);
  }

  onChange(listener: (change: VerdictChanged) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
