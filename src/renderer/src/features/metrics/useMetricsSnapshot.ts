import { useEffect, useState } from 'react';
import { call } from '../../bridge/index.ts';
import type { MetricsSnapshot } from './metric-sections.ts';

/** How often the open page asks main for a fresh snapshot. */
export const metricsPollMs = 2_000;

/** Why the last ask failed, as the page tells it. */
export interface MetricsProblem {
  readonly message: string;
  /** The error's code when main sent one (`bridge-missing`, `internal-error` …). */
  readonly code: string | undefined;
  /** When the failed ask came back (epoch ms). */
  readonly at: number;
}

/**
 * The last snapshot main sent and the last failure, if the latest ask failed. Neither yet: still
 * loading. A failure keeps the snapshot before it, which shows its own time, so the page can say
 * how old the figures are instead of blanking them.
 */
export interface MetricsPoll {
  readonly snapshot: MetricsSnapshot | undefined;
  readonly problem: MetricsProblem | undefined;
}

function problemOf(error: unknown): MetricsProblem {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return {
    message: error instanceof Error ? error.message : String(error),
    code: typeof code === 'string' ? code : undefined,
    at: Date.now(),
  };
}

/**
 * Asks `metrics:get-snapshot` now and then every `intervalMs` while mounted; leaving the page
 * unmounts it and the asking stops. The next ask is scheduled when the answer arrives, not on a
 * fixed beat, so a slow engine is never sent a second request before it answered the first.
 */
export function useMetricsSnapshot(intervalMs: number = metricsPollMs): MetricsPoll {
  const [poll, setPoll] = useState<MetricsPoll>({ snapshot: undefined, problem: undefined });
  useEffect(() => {
    let open = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (): void => {
      void call('metrics:get-snapshot')
        .then(
          (snapshot) => {
            if (open) setPoll({ snapshot, problem: undefined });
          },
          (error: unknown) => {
            if (open) setPoll((before) => ({ snapshot: before.snapshot, problem: problemOf(error) }));
          },
        )
        .finally(() => {
          if (open) timer = setTimeout(ask, intervalMs);
        });
    };
    ask();
    return () => {
      open = false;
      clearTimeout(timer);
    };
  }, [intervalMs]);
  return poll;
}
