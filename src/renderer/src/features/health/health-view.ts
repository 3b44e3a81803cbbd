import type { ExchangeHealth } from '../../../../shared/ipc/channels/market.ts';

/** A health row's traffic light. */
export type Light = 'ok' | 'warn' | 'bad';

/** Breaker: closed is healthy, half-open is probing, open fails fast. */
export function breakerLight(breaker: ExchangeHealth['breaker']): Light {
  return breaker === 'closed' ? 'ok' : breaker === 'half-open' ? 'warn' : 'bad';
}

/** Clock: only `healthy` lets orders be signed with confidence. */
export function clockLight(clock: ExchangeHealth['clock']): Light {
  return clock.state === 'healthy' ? 'ok' : clock.state === 'uncertain' ? 'warn' : 'bad';
}

/** A stream is fine when open; `absent` (no private stream without keys) is not a fault. */
export function streamLight(state: string): Light {
  if (state === 'open' || state === 'absent') return 'ok';
  return state === 'connecting' || state === 'reconnecting' || state === 'idle' ? 'warn' : 'bad';
}

/** Share of a pool's quota in use, 0–100 (100 when the limit is 0: nothing left). */
export function poolUsedPct(pool: { readonly limit: number; readonly used: number }): number {
  if (pool.limit <= 0) return 100;
  return Math.min(100, Math.max(0, (pool.used / pool.limit) * 100));
}

/** Pool usage colour: amber from 70 %, red from 90 % or while paused. */
export function poolLight(pool: {
  readonly limit: number;
  readonly used: number;
  readonly pausedForMs: number;
}): Light {
  const pct = poolUsedPct(pool);
  if (pool.pausedForMs > 0 || pct >= 90) return 'bad';
  return pct >= 70 ? 'warn' : 'ok';
}

/** Mantine colour per light. */
export const lightColor: Record<Light, string> = { ok: 'teal', warn: 'yellow', bad: 'red' };
