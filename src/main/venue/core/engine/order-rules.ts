/**
 * The account- and market-dependent order rules (docs/reference/kucoin-futures.md#orders, #error-codes): margin mode, leverage,
 * price band and grid, size limits, reduce-only / closeOrder sizing, open-order counts and the
 * risk limit. Each rule throws KuCoin's code; none mutates anything.
 */
import { crossLeverageOf } from '../api/account-view.ts';
import { maxRiskLimitOf, tierFor } from '../model/contracts.ts';
import type { Venue } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { abs, cmp, d, text } from '../model/decimal.ts';
import { VenueError, venueErrors } from '../wire/errors.ts';
import { valueOf } from './margin.ts';
import type { OrderDraft } from './order-params.ts';
import { checkPriceOnGrid, lotsOf } from './order-params.ts';
import type { AccountRecord, MarketRecord } from '../model/state.ts';
import type { MarginMode, Side } from '../wire/wire-types.ts';
import { priceBand } from '../wire/wire.ts';

/** Maximum live (non-stop) orders per contract per account (OLDDOC). */
export const MAX_OPEN_ORDERS = 100;
/** Maximum untriggered stop orders per contract per account (OLDDOC). */
export const MAX_STOP_ORDERS = 50;

/** The draft resolved against the account: side, lots, leverage, mode. */
export interface ResolvedOrder {
  readonly side: Side;
  readonly lots: bigint;
  /** Lots above what a reduce-only order may reduce (canceled at once, docs/reference/kucoin-futures.md#orders). */
  readonly excessLots: bigint;
  readonly leverage: Dec;
  readonly marginMode: MarginMode;
}

function hasOpenOrders(account: AccountRecord, symbol: string): boolean {
  return [...account.openOrders].some((order) => order.symbol === symbol && order.status === 'open');
}

/** The margin mode the order trades in; a switch is allowed only with nothing open on the symbol. */
export function resolveMarginMode(account: AccountRecord, draft: OrderDraft): MarginMode {
  const current = account.marginModes.get(draft.symbol) ?? 'ISOLATED';
  if (draft.marginMode === null || draft.marginMode === current) return current;
  const position = account.positions.get(draft.symbol);
  if ((position !== undefined && position.qty !== 0n) || hasOpenOrders(account, draft.symbol)) {
    throw new VenueError('330005', "The order's margin mode does not match your selected margin mode.");
  }
  return draft.marginMode;
}

function resolveSide(account: AccountRecord, draft: OrderDraft, parkedStop: boolean): Side {
  if (!draft.closeOrder) return draft.side ?? 'buy';
  const qty = account.positions.get(draft.symbol)?.qty ?? 0n;
  if (qty === 0n) {
    if (parkedStop && draft.side !== null) return draft.side;
    throw venueErrors.noPositionToClose();
  }
  return qty > 0n ? 'sell' : 'buy';
}

function reducibleLots(account: AccountRecord, symbol: string, side: Side): bigint {
  const qty = account.positions.get(symbol)?.qty ?? 0n;
  if (side === 'sell') return qty > 0n ? qty : 0n;
  return qty < 0n ? -qty : 0n;
}

function checkLots(lots: bigint, market: MarketRecord): void {
  if (lots < 1n) throw venueErrors.invalidParameter('The size parameter must be greater than 0');
  if (lots > BigInt(market.spec.maxOrderQty)) {
    throw venueErrors.invalidParameter(
      `The size parameter cannot be greater than ${market.spec.maxOrderQty}`,
    );
  }
}

function sizeOf(
  account: AccountRecord,
  market: MarketRecord,
  draft: OrderDraft,
  side: Side,
  parkedStop: boolean,
) {
  const reducible = reducibleLots(account, draft.symbol, side);
  if (draft.closeOrder && !parkedStop) return { lots: reducible, excessLots: 0n };
  if (draft.closeOrder && draft.sizeSpec.kind === 'position') {
    return { lots: reducible > 0n ? reducible : 1n, excessLots: 0n };
  }
  const lots = lotsOf(draft.sizeSpec, market.spec, draft.price ?? market.lastPrice);
  checkLots(lots, market);
  if (!draft.reduceOnly || parkedStop) return { lots, excessLots: 0n };
  if (reducible === 0n) throw venueErrors.noPositionToClose();
  return { lots, excessLots: lots > reducible ? lots - reducible : 0n };
}

function leverageOf(account: AccountRecord, market: MarketRecord, draft: OrderDraft, mode: MarginMode): Dec {
  if (mode === 'CROSS') return crossLeverageOf(account, draft.symbol);
  const position = account.positions.get(draft.symbol);
  const leverage =
    draft.leverage ?? (position !== undefined && position.qty !== 0n ? position.leverage : d(1));
  if (cmp(leverage, d(market.spec.maxLeverage)) > 0)
    throw venueErrors.leverageTooHigh(market.spec.maxLeverage);
  return leverage;
}

/** Checks the limit price against grid, ceiling and band; the stop price against grid and ceiling. */
export function checkPrices(market: MarketRecord, draft: OrderDraft, side: Side): void {
  if (draft.stopPrice !== null) checkPriceOnGrid(draft.stopPrice, market.spec, 'stopPrice');
  if (draft.price === null) return;
  checkPriceOnGrid(draft.price, market.spec, 'price');
  if (draft.stop !== '') return;
  const band = priceBand(market);
  if (side === 'buy' && cmp(draft.price, band.buyLimit) > 0)
    throw venueErrors.priceTooHigh(text(band.buyLimit));
  if (side === 'sell' && cmp(draft.price, band.sellLimit) < 0)
    throw venueErrors.priceTooLow(text(band.sellLimit));
}

function checkCounts(account: AccountRecord, symbol: string, stop: boolean): void {
  const open = [...account.openOrders].filter((order) => order.symbol === symbol && order.status === 'open');
  const stops = open.filter((order) => order.parked).length;
  const live = open.length - stops;
  if (stop && stops >= MAX_STOP_ORDERS) throw venueErrors.stopOrderLimit(MAX_STOP_ORDERS, stops);
  if (!stop && live >= MAX_OPEN_ORDERS) throw venueErrors.activeOrderLimit(MAX_OPEN_ORDERS, live);
}

function checkRiskLimit(
  account: AccountRecord,
  market: MarketRecord,
  resolved: ResolvedOrder,
  price: Dec,
): void {
  const position = account.positions.get(market.spec.symbol);
  const qty = (position?.qty ?? 0n) + (resolved.side === 'buy' ? resolved.lots : -resolved.lots);
  const value = valueOf(qty, market.spec.multiplier, price);
  if (cmp(value, d(maxRiskLimitOf(market.spec))) > 0) throw venueErrors.riskLimitExceeded();
  if (resolved.marginMode === 'ISOLATED') {
    const tier = tierFor(market.spec, abs(value));
    if (cmp(resolved.leverage, d(tier.maxLeverage)) > 0) throw venueErrors.leverageTooHigh(tier.maxLeverage);
  }
}

/** Resolves and checks a draft against the account and the market. @throws VenueError. */
export function resolveOrder(
  venue: Venue,
  account: AccountRecord,
  market: MarketRecord,
  draft: OrderDraft,
): ResolvedOrder {
  if (venue.status.status !== 'open') throw venueErrors.tradingSuspended();
  if (!venue.acceptDuplicateClientOid && account.clientOids.has(draft.clientOid))
    throw venueErrors.clientOidRepeated();
  const parkedStop = draft.stop !== '';
  const marginMode = resolveMarginMode(account, draft);
  const side = resolveSide(account, draft, parkedStop);
  checkPrices(market, draft, side);
  const { lots, excessLots } = sizeOf(account, market, draft, side, parkedStop);
  if (draft.iceberg && draft.visibleSize !== null && draft.visibleSize * 20n < lots) {
    throw venueErrors.invalidParameter('The visibleSize parameter must be at least 1/20 of the size');
  }
  checkCounts(account, draft.symbol, parkedStop);
  const resolved = {
    side,
    lots,
    excessLots,
    leverage: leverageOf(account, market, draft, marginMode),
    marginMode,
  };
  if (!draft.reduceOnly && !draft.closeOrder)
    checkRiskLimit(account, market, resolved, draft.price ?? market.markPrice);
  return resolved;
}
