/**
 * What the exchange core needs from a mirrored real market (ADR 0180): the contract list with its
 * real specs, one-minute history, the level-2 book, the trade tape since the last price step, the
 * funding schedule and whether the data is fresh. The core only reads this interface; the network
 * side lives in `src/main/venue/mirror/` and is built on the app's own KuCoin client.
 */
import type { PriceFeed } from '../../feeds/price-feed.ts';
import type { ContractSpec } from './contracts.ts';
import type { Side } from '../wire/wire-types.ts';

/** One upstream book level: decimal price string and integer lots. */
export interface UpstreamLevel {
  readonly price: string;
  readonly lots: number;
}

/** The upstream book of one contract, best first on each side. */
export interface UpstreamBook {
  readonly bids: readonly UpstreamLevel[];
  readonly asks: readonly UpstreamLevel[];
}

/** One print of the upstream tape; `side` is the taker's side (KuCoin `/contractMarket/execution`). */
export interface UpstreamTrade {
  readonly price: string;
  readonly lots: number;
  readonly side: Side;
  readonly tradeId: string;
}

/** The upstream funding schedule of one contract. */
export interface UpstreamFunding {
  /** Rate settled at `nextFundingMs` (KuCoin `value`), decimal string. */
  readonly rate: string;
  /** Predicted rate of the settlement after it (KuCoin `predictedValue`), decimal string. */
  readonly predictedRate: string;
  /** Epoch ms of the next settlement. */
  readonly nextFundingMs: number;
}

/** One settled upstream funding rate (KuCoin GET /api/v1/contract/funding-rates). */
export interface UpstreamFundingPoint {
  /** Epoch ms of the settlement. */
  readonly timeMs: number;
  /** The rate settled then, decimal string. */
  readonly rate: string;
}

/** One upstream one-minute candle (decimal strings, lots). */
export interface UpstreamCandle {
  readonly startMs: number;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volumeLots: number;
}

/** A mirrored real market, as the exchange core reads it. */
export interface UpstreamMarket {
  /** The contracts to list, with the upstream's specs and tiers. */
  readonly specs: readonly ContractSpec[];
  /** Mark, index and last price of every listed contract (holds the last values while stale). */
  readonly feed: PriceFeed;
  /** One-minute history, oldest first, loaded before the venue opens. */
  history(symbol: string): readonly UpstreamCandle[];
  /** The current upstream book; undefined until the first snapshot. */
  book(symbol: string): UpstreamBook | undefined;
  /** The upstream prints received since the last call, oldest first (each is handed out once). */
  takeTrades(symbol: string): UpstreamTrade[];
  /** The funding schedule; undefined until first read. */
  funding(symbol: string): UpstreamFunding | undefined;
  /**
   * The settlements inside the loaded history, oldest first: what a restored paper account is
   * charged for the time the app was closed (ADR 0160). Empty when the upstream would not say.
   */
  fundingHistory(symbol: string): readonly UpstreamFundingPoint[];
  /** Why the data is stale now, or undefined while it is fresh. */
  staleReason(): string | undefined;
}
