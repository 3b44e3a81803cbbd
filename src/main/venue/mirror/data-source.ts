/**
 * Which market the paper venue trades on (ADR 0180): KuCoin's live futures market mirrored, or
 * the simulated one — and why. `auto` falls back to simulated when the upstream cannot be
 * reached at start; `live` refuses to start without it; `simulated` never reaches out. With
 * `BULWARK_MARKET_DATA_OFFLINE=1` (set by the test harness and CI) an upstream outside loopback
 * is never contacted.
 */
import { NetworkError } from '../../../shared/errors.ts';
import { isLoopbackHost } from '../../exchange/kucoin/endpoint-urls.ts';
import { openMirroredMarket, type MirrorMarketOptions, type MirroredMarket } from './mirror-market.ts';

/** The chosen market: the mirror, or the simulated market with the reason. */
export type PaperMarketChoice =
  | { readonly kind: 'live'; readonly market: MirroredMarket }
  | { readonly kind: 'simulated'; readonly reason: string };

/** Environment variable that keeps market data on loopback (tests, CI). */
export const OFFLINE_ENV = 'BULWARK_MARKET_DATA_OFFLINE';

function offlinePin(env: NodeJS.ProcessEnv, url: string): string | undefined {
  if (env[OFFLINE_ENV] !== '1') return undefined;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return `the upstream URL ${url} is not valid`;
  }
  return isLoopbackHost(host) ? undefined : `outside hosts are off (${OFFLINE_ENV}=1)`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Chooses the paper venue's market from `options.marketData.source`.
 * @throws NetworkError `venue-live-data-unreachable` when the source is `live` and the upstream
 *   could not be opened (the message says what failed and which setting to change).
 */
export async function choosePaperMarket(
  options: MirrorMarketOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PaperMarketChoice> {
  const { source, upstreamRestUrl } = options.marketData;
  if (source === 'simulated') return { kind: 'simulated', reason: 'simulated market chosen in settings' };
  const pinned = offlinePin(env, upstreamRestUrl);
  const attempt =
    pinned === undefined
      ? await openMirroredMarket(options).then(
          (market) => ({ market }),
          (error: unknown) => ({ error: messageOf(error) }),
        )
      : { error: pinned };
  if ('market' in attempt) return { kind: 'live', market: attempt.market };
  if (source === 'live') {
    throw new NetworkError(
      'venue-live-data-unreachable',
      `Live market data is required (venue.marketData.source = "live") but ${upstreamRestUrl} could not be used: ${attempt.error}. Set venue.marketData.source to "auto" or "simulated" to paper-trade on the simulated market.`,
      { details: { upstreamRestUrl } },
    );
  }
  options.logger.warn('venue-mirror-unavailable', { upstream: upstreamRestUrl, reason: attempt.error });
  return { kind: 'simulated', reason: `KuCoin unreachable: ${attempt.error}` };
}
