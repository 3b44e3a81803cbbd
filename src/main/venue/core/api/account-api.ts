/**
 * Private account and position endpoints (docs/reference/kucoin-futures.md#account, #positions): overview, positions, margin
 * mode, cross leverage, isolated margin deposit/withdrawal and max open size (docs/reference/kucoin-futures.md#cross-margin).
 */
import { flatPosition } from '../engine/accounting.ts';
import { accountTotals, crossLeverageOf, metricsOf } from './account-view.ts';
import type { Venue } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import {
  add,
  cmp,
  d,
  isDecimalString,
  max,
  mul,
  ONE,
  quot,
  round,
  sign,
  sub,
  text,
  textAt,
  wireNumber,
  ZERO,
} from '../model/decimal.ts';
import { emitPosition, emitWallet, marketOf } from '../wire/emitters.ts';
import { venueErrors } from '../wire/errors.ts';
import type { QueryParams } from '../exchange-api.ts';
import { crossMaxOpenBase, lotsOfBase } from '../engine/margin.ts';
import { accountOf } from '../engine/order-entry.ts';
import type { AccountRecord, PositionRecord } from '../model/state.ts';
import type {
  AccountOverviewWire,
  CrossLeverageWire,
  MarginModeWire,
  MaxOpenSizeWire,
  PositionWire,
} from '../wire/wire-types.ts';
import { positionWire } from '../wire/wire.ts';

/** GET /api/v1/account-overview (only USDT holds money on this venue). */
export function accountOverview(venue: Venue, userId: string, currency = 'XBT'): AccountOverviewWire {
  const account = accountOf(venue, userId);
  if (currency !== 'USDT') {
    return {
      accountEquity: 0,
      unrealisedPNL: 0,
      marginBalance: 0,
      positionMargin: 0,
      orderMargin: 0,
      frozenFunds: 0,
      availableBalance: 0,
      currency,
      riskRatio: 0,
      maxWithdrawAmount: 0,
    };
  }
  const totals = accountTotals(account, venue.markets);
  const unrealised = add(totals.crossUnPnl, totals.isolatedUnPnl);
  return {
    accountEquity: wireNumber(add(totals.wallet, unrealised)),
    unrealisedPNL: wireNumber(unrealised),
    marginBalance: wireNumber(totals.wallet),
    positionMargin: wireNumber(add(totals.isolatedPosMargin, totals.crossPosMargin)),
    orderMargin: wireNumber(add(totals.isolatedOrderMargin, totals.crossOrderMargin)),
    frozenFunds: 0,
    availableBalance: wireNumber(totals.availableBalance),
    currency: 'USDT',
    riskRatio: wireNumber(totals.riskRate),
    maxWithdrawAmount: wireNumber(totals.availableBalance),
  };
}

function wireOf(venue: Venue, account: AccountRecord, position: PositionRecord): PositionWire {
  const market = marketOf(venue, position.symbol);
  const totals = accountTotals(account, venue.markets);
  const metrics = metricsOf(account, position, venue.markets, totals.crossTotalMargin);
  return positionWire(
    position,
    metrics,
    market.markPrice,
    venue.nowMs,
    account.autoDeposit.has(position.symbol),
  );
}

/** GET /api/v1/position?symbol=: a flat position answers currentQty 0, isOpen false. */
export function positionOfUser(venue: Venue, userId: string, symbol: string): PositionWire {
  const account = accountOf(venue, userId);
  marketOf(venue, symbol);
  const position =
    account.positions.get(symbol) ??
    flatPosition('', userId, symbol, account.marginModes.get(symbol) ?? 'ISOLATED', d(1));
  return wireOf(venue, account, position);
}

/** GET /api/v1/positions: open positions. */
export function openPositions(venue: Venue, userId: string): PositionWire[] {
  const account = accountOf(venue, userId);
  return [...account.positions.values()]
    .filter((position) => position.qty !== 0n)
    .map((position) => wireOf(venue, account, position));
}

/** GET /api/v2/position/getMarginMode. */
export function marginModeOf(venue: Venue, userId: string, symbol: string): MarginModeWire {
  const account = accountOf(venue, userId);
  marketOf(venue, symbol);
  return { symbol, marginMode: account.marginModes.get(symbol) ?? 'ISOLATED' };
}

function stringField(body: unknown, name: string): string {
  const value =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value === '')
    throw venueErrors.invalidParameter(`The ${name} parameter is invalid`);
  return value;
}

function decimalField(body: unknown, name: string): Dec {
  const raw = stringField(body, name);
  if (!isDecimalString(raw) || sign(d(raw)) <= 0)
    throw venueErrors.invalidParameter(`The ${name} parameter is invalid`);
  return d(raw);
}

/** POST /api/v2/position/changeMarginMode. @throws VenueError 50002 while orders or a position exist. */
export function changeMarginMode(venue: Venue, userId: string, body: unknown): MarginModeWire {
  const account = accountOf(venue, userId);
  const symbol = stringField(body, 'symbol');
  const mode = stringField(body, 'marginMode');
  if (mode !== 'ISOLATED' && mode !== 'CROSS')
    throw venueErrors.invalidParameter('The marginMode parameter is invalid');
  marketOf(venue, symbol);
  const busy =
    (account.positions.get(symbol)?.qty ?? 0n) !== 0n ||
    [...account.openOrders].some((order) => order.symbol === symbol && order.status === 'open');
  const current = account.marginModes.get(symbol) ?? 'ISOLATED';
  if (busy && current !== mode) throw venueErrors.marginModeLocked();
  account.marginModes.set(symbol, mode);
  venue.emit({ topic: '/contract/marginMode', subject: 'user.config', userId, data: { [symbol]: mode } });
  return { symbol, marginMode: mode };
}

/** GET /api/v2/getCrossUserLeverage. */
export function crossLeverage(venue: Venue, userId: string, symbol: string): CrossLeverageWire {
  const account = accountOf(venue, userId);
  marketOf(venue, symbol);
  return { symbol, leverage: text(crossLeverageOf(account, symbol)) };
}

/** POST /api/v2/changeCrossUserLeverage `{symbol, leverage}`. @throws VenueError 300016 above maxLeverage. */
export function changeCrossLeverage(venue: Venue, userId: string, body: unknown): true {
  const account = accountOf(venue, userId);
  const symbol = stringField(body, 'symbol');
  const market = marketOf(venue, symbol);
  const leverage = decimalField(body, 'leverage');
  if (cmp(leverage, ONE) < 0) throw venueErrors.invalidParameter('The leverage parameter is invalid');
  if (cmp(leverage, d(market.spec.maxLeverage)) > 0)
    throw venueErrors.leverageTooHigh(market.spec.maxLeverage);
  account.crossLeverage.set(symbol, leverage);
  venue.emit({
    topic: '/contract/crossLeverage',
    subject: 'user.config',
    userId,
    data: { [symbol]: { leverage: text(leverage) } },
  });
  return true;
}

function isolatedPosition(account: AccountRecord, symbol: string): PositionRecord {
  const position = account.positions.get(symbol);
  if (position === undefined || position.qty === 0n || position.marginMode !== 'ISOLATED')
    throw venueErrors.noPositionToClose();
  return position;
}

/**
 * The numeric user id KuCoin puts in some answers (deposit-margin's `userId` is an integer in its
 * schema and example): a stable 10-digit number derived from the venue's user id (FNV-1a).
 */
export function numericUserId(userId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i += 1) hash = Math.imul(hash ^ userId.charCodeAt(i), 0x01000193) >>> 0;
  return 1_000_000_000 + (hash % 9_000_000_000);
}

/** POST /api/v1/position/margin/deposit-margin `{symbol, margin, bizNo}`. */
export function depositMargin(
  venue: Venue,
  userId: string,
  body: unknown,
): PositionWire & { userId: number } {
  const account = accountOf(venue, userId);
  const symbol = stringField(body, 'symbol');
  marketOf(venue, symbol);
  const margin = decimalField(body, 'margin');
  const bizNo = stringField(body, 'bizNo');
  if (bizNo.length > 36 || account.depositBizNos.has(bizNo))
    throw venueErrors.invalidParameter('The bizNo parameter is invalid or repeated');
  const position = isolatedPosition(account, symbol);
  if (cmp(margin, accountTotals(account, venue.markets).availableBalance) > 0)
    throw venueErrors.balanceInsufficient(textAt(margin, 10));
  account.depositBizNos.add(bizNo);
  position.posCross = add(position.posCross, margin);
  emitPosition(venue, account, position, 'marginChange');
  emitWallet(venue, account);
  return { ...wireOf(venue, account, position), userId: numericUserId(userId) };
}

/** POST /api/v1/position/margin/auto-deposit-status `{symbol, status}` → true (deprecated by KuCoin, still served). */
export function setAutoDeposit(venue: Venue, userId: string, body: unknown): true {
  const account = accountOf(venue, userId);
  const symbol = stringField(body, 'symbol');
  marketOf(venue, symbol);
  const status =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).status : undefined;
  if (typeof status !== 'boolean') throw venueErrors.invalidParameter('The status parameter is invalid');
  if (status) account.autoDeposit.add(symbol);
  else account.autoDeposit.delete(symbol);
  const position = account.positions.get(symbol);
  if (position !== undefined && position.qty !== 0n)
    emitPosition(venue, account, position, 'autoAppendMarginStatusChange');
  return true;
}

/** What can come back out of an isolated position: the added margin and received funding, net of losses. */
function withdrawable(position: PositionRecord): Dec {
  return max(sub(position.posCross, position.posLoss), ZERO);
}

/** GET /api/v1/margin/maxWithdrawMargin?symbol=. */
export function maxWithdrawMargin(venue: Venue, userId: string, symbol: string): string {
  const account = accountOf(venue, userId);
  marketOf(venue, symbol);
  const position = account.positions.get(symbol);
  if (position === undefined || position.qty === 0n || position.marginMode !== 'ISOLATED') return '0';
  return textAt(withdrawable(position), 10);
}

/** POST /api/v1/margin/withdrawMargin `{symbol, withdrawAmount}` → the amount as a string. */
export function withdrawMargin(venue: Venue, userId: string, body: unknown): string {
  const account = accountOf(venue, userId);
  const symbol = stringField(body, 'symbol');
  marketOf(venue, symbol);
  const amount = decimalField(body, 'withdrawAmount');
  const position = isolatedPosition(account, symbol);
  if (cmp(amount, withdrawable(position)) > 0) throw venueErrors.transferInsufficient();
  position.posCross = sub(position.posCross, amount);
  emitPosition(venue, account, position, 'marginChange');
  emitWallet(venue, account);
  return text(amount);
}

function queryDecimal(query: QueryParams, name: string): Dec {
  const raw = query[name];
  if (raw === undefined || !isDecimalString(raw) || sign(d(raw)) <= 0)
    throw venueErrors.invalidParameter(`The ${name} parameter is invalid`);
  return d(raw);
}

/** GET /api/v2/getMaxOpenSize?symbol=&price=&leverage= (docs/reference/kucoin-futures.md#cross-margin for cross; margin ÷ per-lot cost for isolated). */
export function maxOpenSize(venue: Venue, userId: string, query: QueryParams): MaxOpenSizeWire {
  const account = accountOf(venue, userId);
  const symbol = query.symbol ?? '';
  const market = marketOf(venue, symbol);
  const price = queryDecimal(query, 'price');
  const leverage = queryDecimal(query, 'leverage');
  if (cmp(leverage, d(market.spec.maxLeverage)) > 0)
    throw venueErrors.leverageTooHigh(market.spec.maxLeverage);
  const available = accountTotals(account, venue.markets).availableBalance;
  const spec = market.spec;
  let lots: bigint;
  if ((account.marginModes.get(symbol) ?? 'ISOLATED') === 'CROSS') {
    lots = lotsOfBase(crossMaxOpenBase(spec.k, available, leverage, price), spec.multiplier);
  } else {
    const inverse = quot(ONE, leverage);
    const perLot = mul(
      mul(price, spec.multiplier),
      add(add(inverse, spec.takerFeeRate), mul(add(ONE, inverse), spec.takerFeeRate)),
    );
    lots = round(quot(available, perLot), 0, 'down').m;
  }
  const qty = account.positions.get(symbol)?.qty ?? 0n;
  const cap = (value: bigint): number =>
    Number(value > BigInt(spec.maxOrderQty) ? BigInt(spec.maxOrderQty) : value);
  return {
    symbol,
    maxBuyOpenSize: cap(lots + (qty < 0n ? -qty : 0n)),
    maxSellOpenSize: cap(lots + (qty > 0n ? qty : 0n)),
  };
}
