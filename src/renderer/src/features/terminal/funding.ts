/** `HH:MM:SS` until the funding settlement; "settling" once it is due and the next figures are not in yet. */
export function fundingCountdown(nextFundingAtMs: number | undefined, nowMs: number): string {
  if (nextFundingAtMs === undefined) return 'unknown';
  const left = Math.floor((nextFundingAtMs - nowMs) / 1000);
  if (left <= 0) return 'settling';
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(left / 3600))}:${pad(Math.floor((left % 3600) / 60))}:${pad(left % 60)}`;
}

/** The funding rate as KuCoin's screens show it: four decimals of a percent, signed. */
export function formatFundingRate(ratePct: number | undefined): string {
  if (ratePct === undefined || !Number.isFinite(ratePct)) return 'unknown';
  return `${ratePct < 0 ? '−' : '+'}${Math.abs(ratePct).toFixed(4)} %`;
}
