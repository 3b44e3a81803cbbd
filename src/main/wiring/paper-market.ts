/**
 * The paper venue's market (ADR 0180): mirrors KuCoin's live futures market when the settings and
 * the network allow, else the simulated market; reports which, why, and whether live data is stale.
 */
import type { MarketDataStatus } from '../../shared/ipc/channels/app.ts';
import type { Config } from '../config/schema.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import { choosePaperMarket } from '../venue/mirror/data-source.ts';
import type { MirroredMarket } from '../venue/mirror/mirror-market.ts';

/** The chosen market as the engine uses it. */
export interface PaperMarket {
  /** The mirror, when the venue trades on live data. */
  readonly mirror: MirroredMarket | undefined;
  status(): MarketDataStatus;
  /** Why live data is stale now (undefined while fresh or simulated): trading reduces on it. */
  staleReason(): string | undefined;
  close(): Promise<void>;
}

/** Chooses and opens the paper venue's market. Throws what {@link choosePaperMarket} throws. */
export async function openPaperMarket(config: Config, clock: Clock, logger: Logger): Promise<PaperMarket> {
  const choice = await choosePaperMarket({
    marketData: config.venue.marketData,
    exchange: config.exchange,
    bookDepthLevels: config.venue.bookDepthLevels,
    clock,
    logger,
  });
  if (choice.kind === 'simulated') {
    const status: MarketDataStatus = { source: 'simulated', reason: choice.reason, stale: '' };
    return {
      mirror: undefined,
      status: () => status,
      staleReason: () => undefined,
      close: () => Promise.resolve(),
    };
  }
  const mirror = choice.market;
  return {
    mirror,
    status: () => ({ source: 'live', reason: '', stale: mirror.staleReason() ?? '' }),
    staleReason: () => mirror.staleReason(),
    close: () => mirror.close(),
  };
}
