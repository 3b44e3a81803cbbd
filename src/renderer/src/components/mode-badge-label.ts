import type { MarketDataStatus, TradingMode } from '../../../shared/ipc/channels/app.ts';

/**
 * The header's mode text: `LIVE`, or for paper where its market comes from —
 * `PAPER · LIVE DATA`, `PAPER · LIVE DATA (stale: why)` or `PAPER · SIMULATED (why)`.
 */
export function modeBadgeLabel(mode: TradingMode, marketData: MarketDataStatus | undefined): string {
  if (mode === 'live') return 'LIVE';
  if (marketData === undefined) return 'PAPER';
  if (marketData.source === 'simulated') return `PAPER · SIMULATED (${marketData.reason})`;
  return marketData.stale === '' ? 'PAPER · LIVE DATA' : `PAPER · LIVE DATA (stale: ${marketData.stale})`;
}
