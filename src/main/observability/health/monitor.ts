/**
 * Works out the one health status from every check, republishes it when its level or a reason
 * changes, and raises an alert when it has been red for `redAlertAfterMs` (and a "cleared" one when
 * it is no longer red).
 */
import type { HealthLevel, HealthReading, HealthStatus } from '../../../shared/ipc/channels/health.ts';
import type { ObservabilityConfig } from '../../config/sections/observability.ts';
import { healthChecks, type HealthCheck } from './checks.ts';
import type { HealthSources } from './sources.ts';

/** What the monitor needs. */
export interface HealthMonitorOptions {
  readonly sources: () => HealthSources;
  readonly thresholds: () => ObservabilityConfig['health'];
  readonly checks?: readonly HealthCheck[];
  /** The status changed (level or reasons). */
  readonly onChange: (status: HealthStatus) => void;
  /** The status has been red long enough to tell the trader; and when it is red no more. */
  readonly onRed: (status: HealthStatus) => void;
  readonly onRecovered: (status: HealthStatus) => void;
}

/** The monitor. */
export interface HealthMonitor {
  /** Evaluates every check now. */
  evaluate(): HealthStatus;
  /** The last evaluated status. */
  current(): HealthStatus;
  start(intervalMs: number): void;
  stop(): void;
}

const rank: Readonly<Record<HealthLevel, number>> = { green: 0, amber: 1, red: 2 };

function readAll(
  checks: readonly HealthCheck[],
  sources: HealthSources,
  thresholds: ObservabilityConfig['health'],
): HealthReading[] {
  return checks.flatMap((check, index) => {
    try {
      return check(sources, thresholds);
    } catch (error) {
      return [
        {
          check: `check-${index}`,
          level: 'amber' as const,
          reason: `A health check failed to run: ${error instanceof Error ? error.message : String(error)}`,
        },
      ];
    }
  });
}

/** Summarises readings: the worst level, and the reasons of all non-green ones, worst first. */
export function summarise(readings: readonly HealthReading[], at: number, since: number): HealthStatus {
  const level = readings.reduce<HealthLevel>(
    (worst, reading) => (rank[reading.level] > rank[worst] ? reading.level : worst),
    'green',
  );
  const reasons = readings
    .filter((reading) => reading.level !== 'green')
    .sort((a, b) => rank[b.level] - rank[a.level])
    .map((reading) => reading.reason);
  return { level, reasons, checks: [...readings], at, since };
}

/** Builds the monitor. */
export function createHealthMonitor(options: HealthMonitorOptions): HealthMonitor {
  const checks = options.checks ?? healthChecks;
  let last: HealthStatus | undefined;
  let redSince: number | undefined;
  let redAlerted = false;
  let timer: NodeJS.Timeout | undefined;
  const evaluate = (): HealthStatus => {
    const sources = options.sources();
    const readings = readAll(checks, sources, options.thresholds());
    const draft = summarise(readings, sources.now, sources.now);
    const previous = last;
    const since = previous?.level === draft.level ? previous.since : sources.now;
    const status = { ...draft, since };
    const changed =
      previous?.level !== status.level || previous.reasons.join('\n') !== status.reasons.join('\n');
    last = status;
    if (changed) options.onChange(status);
    if (status.level === 'red') {
      redSince ??= sources.now;
      if (!redAlerted && sources.now - redSince >= options.thresholds().redAlertAfterMs) {
        redAlerted = true;
        options.onRed(status);
      }
    } else {
      redSince = undefined;
      if (redAlerted) {
        redAlerted = false;
        options.onRecovered(status);
      }
    }
    return status;
  };
  return {
    evaluate,
    current: () => last ?? evaluate(),
    start(intervalMs) {
      if (timer !== undefined) return;
      evaluate();
      timer = setInterval(evaluate, intervalMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
