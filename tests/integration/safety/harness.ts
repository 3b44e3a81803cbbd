// Shared set-up of the safety drills (issue "make the safety promise true"): the real venue, the
// real client and the real engine; every outcome is read back from the venue, where the trader's
// money is, never from the engine's own opinion of it.
import type { Config } from '../../../src/main/config/schema.ts';
import type { RunningVenue } from '../../../src/main/venue/index.ts';
import { engineFor, tempDir, until, venueFor, type Engine } from '../trading/harness.ts';

export {
  configOf,
  fastTrading,
  tempDir,
  until,
  venueFor,
  engineFor,
  type Engine,
} from '../trading/harness.ts';

/** A venue, an engine (replaced on a restart) and the venue user they trade as. */
export interface Drill {
  readonly venue: RunningVenue;
  readonly userId: string;
  readonly journalPath: string;
  readonly config: Config;
  /** The running engine. */
  readonly engine: Engine;
  /**
   * Stops the engine (as a crash would leave the journal: what was written stays), runs `meanwhile`
   * at the venue while it is down, and starts a new engine on the same journal. Resolves once the
   * new engine is *started* (its reconciliation may still run: `reconciled` says when it ends).
   */
  restart(meanwhile?: () => void): Promise<{ reconciled: Promise<Engine> }>;
  stop(): Promise<void>;
}

/** Starts a venue at the given prices and an engine against it. */
export async function drill(
  config: Config,
  name: string,
  prices: Readonly<Record<string, string>> = { XBTUSDTM: '90000' },
): Promise<Drill> {
  const venue = await venueFor(config);
  for (const [symbol, price] of Object.entries(prices)) venue.admin.setPrice(symbol, price);
  const journalPath = `${tempDir(name)}/journal.db`;
  let engine: Engine | undefined = await engineFor(config, venue, journalPath);
  let starting: Promise<Engine> | undefined;
  return {
    venue,
    userId: venue.keys[0]?.userId ?? '',
    journalPath,
    config,
    get engine(): Engine {
      if (engine === undefined) throw new Error('the engine is restarting; await restart().reconciled');
      return engine;
    },
    async restart(meanwhile) {
      await engine?.stop();
      engine = undefined;
      meanwhile?.();
      starting = engineFor(config, venue, journalPath).then((next) => (engine = next));
      return { reconciled: starting };
    },
    async stop() {
      await (starting ?? Promise.resolve()).catch(() => undefined);
      await engine?.stop();
      await venue.stop();
    },
  };
}

/** The reduce-only stop orders resting at the venue for a symbol. */
export function venueStops(d: Drill, symbol: string) {
  return d.venue.exchange
    .listStopOrders(d.userId, { symbol, pageSize: '200' })
    .items.filter((s) => s.reduceOnly || s.closeOrder);
}

/** Loss-side cover at the venue: a long's sell `down` stops, a short's buy `up` stops. */
export function lossSideLots(d: Drill, symbol: string): number {
  const position = d.venue.exchange.positions(d.userId).find((p) => p.symbol === symbol);
  if (position === undefined) return 0;
  const long = position.currentQty > 0;
  return venueStops(d, symbol)
    .filter((s) => s.side === (long ? 'sell' : 'buy') && s.stop === (long ? 'down' : 'up'))
    .reduce((sum, s) => sum + s.size, 0);
}

/** The position's size at the venue (0 when flat). */
export function venueLots(d: Drill, symbol: string): number {
  return Math.abs(d.venue.exchange.positions(d.userId).find((p) => p.symbol === symbol)?.currentQty ?? 0);
}

/** Waits until the venue holds `lots` lots of `symbol` covered in full by loss-side stops. */
export function coveredAtVenue(d: Drill, symbol: string, lots: number, timeoutMs = 15_000): Promise<true> {
  return until(
    `${symbol} ${lots} lots covered at the venue`,
    () => venueLots(d, symbol) === lots && lossSideLots(d, symbol) >= lots,
    timeoutMs,
  );
}

/** Opens a position through the engine and waits until the venue shows it covered. */
export async function openCovered(
  d: Drill,
  symbol: string,
  side: 'buy' | 'sell',
  lots: number,
  stopPrice: string,
): Promise<void> {
  await d.engine.service.placeOrder({ symbol, side, type: 'market', sizeLots: lots, leverage: 5, stopPrice });
  await coveredAtVenue(d, symbol, lots);
}
