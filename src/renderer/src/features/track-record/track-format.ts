/** How the track record's numbers read on screen. */

/** `1.7328` → `+1.73`, `-18.13` → `−18.13` (USDT, 2 decimals, signed). */
export function signedUsdt(text: string): string {
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  const fixed = Math.abs(value).toFixed(2);
  if (value > 0) return `+${fixed}`;
  return value < 0 ? `\u2212${fixed}` : fixed;
}

/** A cost in USDT, 2 decimals, unsigned when paid (`0.54`); a rebate reads `−0.10`. */
export function costUsdt(text: string): string {
  const value = Number(text);
  if (!Number.isFinite(value)) return text;
  return value < 0 ? `\u2212${Math.abs(value).toFixed(2)}` : value.toFixed(2);
}

/** A hold time: `45 s`, `12 min`, `3.5 h`, `2.1 d`. */
export function holdText(ms: number | null): string {
  if (ms === null) return '—';
  const s = ms / 1000;
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${(s / 3600).toFixed(1)} h`;
  return `${(s / 86_400).toFixed(1)} d`;
}

/** A ratio or `—` when there is none (no trades, no losing trade, no stop). */
export function ratioText(value: number | null, digits = 2, suffix = ''): string {
  return value === null ? '—' : `${value.toFixed(digits)}${suffix}`;
}

/** Epoch ms → `2026-11-01 10:00` (UTC, as the day buckets are). */
export function utcMinute(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}
