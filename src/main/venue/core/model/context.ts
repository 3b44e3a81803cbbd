/**
 * The shared state every part of the engine works on: markets, accounts, the users' book,
 * parked stop orders, id counters, venue time and the event outlet. One object, passed
 * explicitly (no module-level state), so two venues in one process never interfere.
 */
import type { VenueConfig } from '../../../config/sections/venue.ts';
import type { Logger } from '../../../observability/logger.ts';
import type { PriceFeed } from '../../feeds/price-feed.ts';
import type { BookShape } from '../engine/book.ts';
import type { Dec } from './decimal.ts';
import type { VenueEvent } from '../wire/events.ts';
import type { Rng } from '../engine/rng.ts';
import type { UpstreamMarket } from './upstream.ts';
import type { AccountRecord, MarketRecord, OrderRecord } from './state.ts';
import type { VenueStatusWire } from '../wire/wire-types.ts';

/** Engine state. */
export interface Venue {
  readonly config: VenueConfig;
  readonly logger: Logger;
  readonly feed: PriceFeed;
  readonly rng: Rng;
  readonly shape: BookShape;
  readonly markets: Map<string, MarketRecord>;
  readonly accounts: Map<string, AccountRecord>;
  /** Users' resting limit orders per symbol. */
  readonly resting: Map<string, OrderRecord[]>;
  /** Untriggered stop orders per symbol. */
  readonly parked: Map<string, OrderRecord[]>;
  /** Venue time processed so far (ms). */
  nowMs: number;
  /** Next price step to process (ms). */
  nextStepMs: number;
  /** Next funding settlement (ms, multiple of fundingIntervalMs). */
  nextFundingMs: number;
  /** Next predicted-funding update (ms, whole minutes). */
  nextFundingRateMs: number;
  /** True while time is being processed: a listener calling back in must not re-enter the loop. */
  advancing: boolean;
  /** Whether anyone listens: market events are only built when someone does. */
  listening(): boolean;
  status: VenueStatusWire;
  /**
   * Fault drill (ADR 0140): while true, order entry accepts a clientOid the account already
   * uses, as KuCoin may (its 300018 refusal is old-doc behaviour a client must not rely on).
   */
  acceptDuplicateClientOid: boolean;
  readonly ids: IdSource;
  emit(event: VenueEvent): void;
  /** Set when the venue mirrors a real market (ADR 0180): book, tape, marks and funding come from it. */
  readonly mirror?: MirrorState | undefined;
}

/** The core's bookkeeping of a mirrored market (ADR 0180). */
export interface MirrorState {
  readonly upstream: UpstreamMarket;
  /** Per symbol: upstream lots ahead of each resting user order at its price (the queue model of ADR 0181). */
  readonly queueAhead: Map<string, Map<string, bigint>>;
  /** Next upstream funding settlement per symbol (epoch ms) already scheduled. */
  readonly nextFundingMs: Map<string, number>;
  /** The last mark/index push per symbol (mirror-step.ts pushes on change or once a second). */
  readonly lastMarkPush: Map<string, { readonly mark: Dec; readonly index: Dec; readonly atMs: number }>;
}

/** Deterministic ids in KuCoin's formats (18-digit order ids, 13-digit trade ids). */
export interface IdSource {
  order(): string;
  trade(): string;
  position(): string;
  /** Time priority for resting orders. */
  priority(): number;
  /** The next venue-wide instant sequence number (ADR 0140). */
  instant(): number;
  /** Where every counter stands (the paper account store saves it, ADR 0160). */
  counters(): IdCounters;
  /** Moves every counter forward to at least `saved`, so ids after a restart never repeat. */
  resume(saved: IdCounters): void;
}

/** The id counters' positions, as decimal strings (order and position ids outgrow 2^53). */
export interface IdCounters {
  readonly order: string;
  readonly trade: number;
  readonly position: string;
  readonly priority: number;
  readonly instant: number;
}

/** Sequential ids offset by the seed so two venues' ids differ. */
export function createIdSource(seed: number): IdSource {
  let orderCounter = 300_000_000_000_000_000n + BigInt(seed % 1_000_000) * 1_000_000_000n;
  let tradeCounter = 1_800_000_000_000 + (seed % 1000) * 1_000_000;
  let positionCounter = 500_000_000_000_000_000n + BigInt(seed % 1_000_000) * 1_000_000_000n;
  let priorityCounter = 0;
  let instantCounter = 0;
  return {
    order: () => String(++orderCounter),
    trade: () => String(++tradeCounter),
    position: () => String(++positionCounter),
    priority: () => ++priorityCounter,
    instant: () => ++instantCounter,
    counters: () => ({
      order: String(orderCounter),
      trade: tradeCounter,
      position: String(positionCounter),
      priority: priorityCounter,
      instant: instantCounter,
    }),
    resume(saved) {
      if (BigInt(saved.order) > orderCounter) orderCounter = BigInt(saved.order);
      if (BigInt(saved.position) > positionCounter) positionCounter = BigInt(saved.position);
      tradeCounter = Math.max(tradeCounter, saved.trade);
      priorityCounter = Math.max(priorityCounter, saved.priority);
      instantCounter = Math.max(instantCounter, saved.instant);
    },
  };
}

/** Stamps the current venue instant (venue time + the next sequence number). */
export function instantOf(venue: Venue): { atMs: number; seq: number } {
  return { atMs: venue.nowMs, seq: venue.ids.instant() };
}

/** The market of `symbol` or KuCoin's 100003. */
export function restingOf(venue: Venue, symbol: string): OrderRecord[] {
  let list = venue.resting.get(symbol);
  if (list === undefined) {
    list = [];
    venue.resting.set(symbol, list);
  }
  return list;
}

/** Untriggered stops of `symbol`. */
export function parkedOf(venue: Venue, symbol: string): OrderRecord[] {
  let list = venue.parked.get(symbol);
  if (list === undefined) {
    list = [];
    venue.parked.set(symbol, list);
  }
  return list;
}
