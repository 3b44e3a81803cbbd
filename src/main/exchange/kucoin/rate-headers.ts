import type { PoolHeaders } from '../../resilience/pool-budget.ts';

function readNumber(headers: Headers, name: string): number | undefined {
  const text = headers.get(name);
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** `gw-ratelimit-limit/-remaining/-reset` (reset in ms), or undefined when any is absent or -1 (docs/reference/kucoin-futures.md#rate-limits). */
export function readRateHeaders(headers: Headers): PoolHeaders | undefined {
  const limit = readNumber(headers, 'gw-ratelimit-limit');
  const remaining = readNumber(headers, 'gw-ratelimit-remaining');
  const resetMs = readNumber(headers, 'gw-ratelimit-reset');
  if (limit === undefined || remaining === undefined || resetMs === undefined || limit === 0)
    return undefined;
  return { limit, remaining, resetMs };
}
