/**
 * The order book of one contract (ADR 0104): synthetic liquidity around the feed's last price
 * (depth, spread, level size from config; refilled every price step) plus our users' resting
 * limit orders with price–time priority. Matching is planned here without side effects and
 * applied by the engine, so a rejected order never moves the book.
 */
import { fromTicks, roundToTick, toTicks } from '../../../../shared/domain/decimal.ts';
import type { Dec } from '../model/decimal.ts';
import type { MarketRecord, OrderRecord } from '../model/state.ts';
import type { Side } from '../wire/wire-types.ts';

/** Shape of the synthetic book (venue config). */
export interface BookShape {
  readonly depthLevels: number;
  readonly spreadTicks: number;
  readonly levelStepTicks: number;
  readonly levelSizeLots: number;
}

/** Liquidity at one price on one side. */
export interface Level {
  readonly ticks: bigint;
  readonly lots: bigint;
}

/** One planned piece of a match: `maker` null means synthetic liquidity. */
export interface MatchLeg {
  readonly ticks: bigint;
  readonly lots: bigint;
  readonly maker: OrderRecord | null;
}

/** The feed's last price in ticks: the centre of the synthetic book. */
export function centreTicks(market: MarketRecord): bigint {
  return toTicks(roundToTick(market.feedLastPrice, market.spec.tickSize, 'half-up'), market.spec.tickSize);
}

/** Synthetic levels of a side, best first, after what takers consumed since the last refill. */
export function syntheticLevels(market: MarketRecord, shape: BookShape, side: Side): Level[] {
  if (market.mirroredBook !== undefined) return mirroredLevels(market, side);
  const centre = centreTicks(market);
  const consumed = side === 'buy' ? market.consumedBids : market.consumedAsks;
  const levels: Level[] = [];
  for (let i = 0; i < shape.depthLevels; i++) {
    const offset = BigInt(shape.spreadTicks + i * shape.levelStepTicks);
    const ticks = side === 'buy' ? centre - offset : centre + offset;
    if (ticks <= 0n) break;
    const lots = BigInt(shape.levelSizeLots) - (consumed.get(ticks) ?? 0n);
    if (lots > 0n) levels.push({ ticks, lots });
  }
  return levels;
}

/** Under a mirrored market the "synthetic" liquidity is the upstream book, less what our takers ate since it refreshed. */
function mirroredLevels(market: MarketRecord, side: Side): Level[] {
  const book = market.mirroredBook;
  if (book === undefined) return [];
  const consumed = side === 'buy' ? market.consumedBids : market.consumedAsks;
  const levels: Level[] = [];
  for (const level of side === 'buy' ? book.bids : book.asks) {
    const lots = level.lots - (consumed.get(level.ticks) ?? 0n);
    if (lots > 0n) levels.push({ ticks: level.ticks, lots });
  }
  return levels;
}

/** Remaining lots of a resting order. */
export function remainingLots(order: OrderRecord): bigint {
  return order.size - order.filledSize - order.canceledSize;
}

/** Ticks of a resting order's limit price. */
export function orderTicks(order: OrderRecord, tickSize: Dec): bigint {
  if (order.price === null) return 0n;
  return toTicks(order.price, tickSize);
}

/** Resting orders on `side`, best price first, then oldest first. */
export function sortedResting(resting: readonly OrderRecord[], side: Side, tickSize: Dec): OrderRecord[] {
  const ofSide = resting.filter((order) => order.side === side && remainingLots(order) > 0n);
  return ofSide.sort((a, b) => {
    const pa = orderTicks(a, tickSize);
    const pb = orderTicks(b, tickSize);
    if (pa !== pb) return side === 'buy' ? (pa > pb ? -1 : 1) : pa < pb ? -1 : 1;
    return a.priority - b.priority;
  });
}

function crosses(takerSide: Side, limitTicks: bigint | null, ticks: bigint): boolean {
  if (limitTicks === null) return true;
  return takerSide === 'buy' ? ticks <= limitTicks : ticks >= limitTicks;
}

/** Self-trade prevention (docs/reference/kucoin-futures.md#orders `stp`): '' lets a user trade with themself, as KuCoin does. */
export type SelfTradePrevention = '' | 'CN' | 'CO' | 'CB';

/** The taker side of a planned match. */
interface Taker {
  readonly side: Side;
  readonly limitTicks: bigint | null;
  readonly lots: bigint;
  readonly userId: string;
  readonly stp: SelfTradePrevention;
}

/** A planned match: the legs, the taker's own resting orders to cancel, and whether the taker stops. */
export interface MatchPlan {
  readonly legs: MatchLeg[];
  /** CO / CB: the taker's own resting orders met on the way, canceled instead of traded. */
  readonly cancelMakers: OrderRecord[];
  /** CN / CB: the taker's remainder is canceled where it would meet its own order. */
  readonly cancelTaker: boolean;
}

function better(side: Side, a: bigint, b: bigint): boolean {
  return side === 'buy' ? a > b : a < b;
}

/**
 * Plans a taker's match against users' resting orders (first at each price, they are older) and
 * synthetic liquidity, applying the taker's self-trade prevention to its own resting orders
 * (CN cancel newest, CO cancel oldest, CB both; none: self-trade). No side effects (ADR 0104).
 */
export function planMatch(
  market: MarketRecord,
  shape: BookShape,
  resting: readonly OrderRecord[],
  taker: Taker,
): MatchPlan {
  const makerSide: Side = taker.side === 'buy' ? 'sell' : 'buy';
  const users = sortedResting(resting, makerSide, market.spec.tickSize);
  const synthetic = syntheticLevels(market, shape, makerSide);
  const plan: { legs: MatchLeg[]; cancelMakers: OrderRecord[]; cancelTaker: boolean } = {
    legs: [],
    cancelMakers: [],
    cancelTaker: false,
  };
  let left = taker.lots;
  let u = 0;
  let s = 0;
  while (left > 0n) {
    const userOrder = users[u];
    const level = synthetic[s];
    const userTicks = userOrder === undefined ? null : orderTicks(userOrder, market.spec.tickSize);
    const useUser = userTicks !== null && (level === undefined || !better(makerSide, level.ticks, userTicks));
    const ticks = useUser ? userTicks : level?.ticks;
    if (ticks === undefined || !crosses(taker.side, taker.limitTicks, ticks)) break;
    if (useUser && userOrder?.userId === taker.userId && taker.stp !== '') {
      if (taker.stp !== 'CN') plan.cancelMakers.push(userOrder);
      u++;
      if (taker.stp === 'CO') continue;
      plan.cancelTaker = true;
      break;
    }
    const available = useUser && userOrder !== undefined ? remainingLots(userOrder) : (level?.lots ?? 0n);
    const lots = available < left ? available : left;
    plan.legs.push({ ticks, lots, maker: useUser && userOrder !== undefined ? userOrder : null });
    left -= lots;
    if (useUser) u++;
    else s++;
  }
  return plan;
}

/** Visible lots of a resting order in the public book (hidden: 0; iceberg: its visible slice). */
function visibleLots(order: OrderRecord): bigint {
  const left = remainingLots(order);
  if (order.hidden) return 0n;
  if (order.iceberg && order.visibleSize > 0n) return left < order.visibleSize ? left : order.visibleSize;
  return left;
}

/** Visible lots per price of a side (unordered): what level-2 diffs compare. */
export function levelMap(
  market: MarketRecord,
  shape: BookShape,
  resting: readonly OrderRecord[],
  side: Side,
): Map<bigint, bigint> {
  const byTicks = new Map<bigint, bigint>();
  for (const level of syntheticLevels(market, shape, side)) byTicks.set(level.ticks, level.lots);
  for (const order of resting) {
    if (order.side !== side) continue;
    const lots = visibleLots(order);
    if (lots <= 0n) continue;
    const ticks = orderTicks(order, market.spec.tickSize);
    byTicks.set(ticks, (byTicks.get(ticks) ?? 0n) + lots);
  }
  return byTicks;
}

/** The public book of a side, best first: synthetic plus visible user lots per price. */
export function levelView(
  market: MarketRecord,
  shape: BookShape,
  resting: readonly OrderRecord[],
  side: Side,
): Level[] {
  const byTicks = new Map<bigint, bigint>();
  for (const level of syntheticLevels(market, shape, side)) byTicks.set(level.ticks, level.lots);
  for (const order of resting) {
    if (order.side !== side) continue;
    const lots = visibleLots(order);
    if (lots <= 0n) continue;
    const ticks = orderTicks(order, market.spec.tickSize);
    byTicks.set(ticks, (byTicks.get(ticks) ?? 0n) + lots);
  }
  const levels = [...byTicks.entries()].map(([ticks, lots]) => ({ ticks, lots }));
  return levels.sort((a, b) => (side === 'buy' ? (a.ticks > b.ticks ? -1 : 1) : a.ticks < b.ticks ? -1 : 1));
}

/** Price of a tick count. */
export function priceOfTicks(ticks: bigint, tickSize: Dec): Dec {
  return fromTicks(ticks, tickSize);
}
