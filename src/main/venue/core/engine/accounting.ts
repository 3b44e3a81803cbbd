/**
 * Fill accounting (docs/reference/kucoin-futures.md#margin): one fill changes a position (open, reduce, close, flip), the
 * wallet balance (realised PnL, fees) and the ledger, exactly. Isolated losses stop at the
 * margin the closed part carried and no balance goes below zero; what is not paid is recorded
 * as insurance cover, so Σ ledger = balance always holds.
 */
import type { ContractSpec } from '../model/contracts.ts';
import type { Dec } from '../model/decimal.ts';
import { abs, add, cmp, mul, neg, quot, round, sign, sub, ZERO } from '../model/decimal.ts';
import { feeOf, initialMarginOf, MONEY_SCALE, posCommOf, valueOf } from './margin.ts';
import type { AccountRecord, Ledger, PositionRecord } from '../model/state.ts';
import type { MarginMode, Side } from '../wire/wire-types.ts';

/** What one fill did to the account. */
export interface FillOutcome {
  readonly openingLots: bigint;
  readonly closingLots: bigint;
  readonly fee: Dec;
  readonly openFee: Dec;
  readonly closeFee: Dec;
  readonly realisedGross: Dec;
  readonly feeRate: Dec;
  /** The position closed to zero with this fill. */
  readonly closedPosition: PositionRecord | null;
}

/** One fill to account for. */
export interface FillInput {
  readonly spec: ContractSpec;
  readonly side: Side;
  readonly lots: bigint;
  readonly price: Dec;
  readonly feeRate: Dec;
  readonly leverage: Dec;
  readonly marginMode: MarginMode;
  readonly nowMs: number;
  /** Liquidation: the fee is whatever is left of the position margin (so the loss is exactly posMargin). */
  readonly liquidation: boolean;
}

/** A fresh account holding `balance`, with nothing open; `transactions` seeds its history. */
export function newAccountRecord(
  userId: string,
  balance: Dec,
  transactions: AccountRecord['transactions'] = [],
): AccountRecord {
  return {
    userId,
    balance,
    positions: new Map(),
    orders: new Map(),
    doneOrders: [],
    openOrders: new Set(),
    clientOids: new Map(),
    marginModes: new Map(),
    crossLeverage: new Map(),
    riskLimitLevels: new Map(),
    autoDeposit: new Set(),
    fills: [],
    fundingPayments: [],
    closedPositions: [],
    transactions,
    depositBizNos: new Set<string>(),
    walletVersion: 0,
    ledger: newLedger(balance),
  };
}

/** The ledger of an account that was just funded with `deposit`. */
export function newLedger(deposit: Dec): Ledger {
  return { deposits: deposit, realisedGross: ZERO, fees: ZERO, funding: ZERO, insuranceCover: ZERO };
}

/** A flat position record. */
export function flatPosition(
  id: string,
  userId: string,
  symbol: string,
  marginMode: MarginMode,
  leverage: Dec,
): PositionRecord {
  return {
    id,
    userId,
    symbol,
    marginMode,
    qty: 0n,
    cost: ZERO,
    leverage,
    posInit: ZERO,
    posComm: ZERO,
    posCross: ZERO,
    posLoss: ZERO,
    posFunding: ZERO,
    realisedGrossPnl: ZERO,
    currentComm: ZERO,
    openingTimestamp: 0,
    openPrice: ZERO,
  };
}

/** posMargin of an isolated position (docs/reference/kucoin-futures.md#isolated-margin). */
export function isolatedPosMargin(position: PositionRecord): Dec {
  return sub(add(add(position.posInit, position.posComm), position.posCross), position.posLoss);
}

/**
 * What the account's isolated positions and isolated orders hold: a cross loss may not take it,
 * because it backs those positions (docs/reference/kucoin-futures.md#cross-margin: cross margin = balance − isolated holdings).
 */
export function isolatedHoldings(account: AccountRecord): Dec {
  let held = ZERO;
  for (const position of account.positions.values()) {
    if (position.marginMode === 'ISOLATED' && position.qty !== 0n)
      held = add(held, isolatedPosMargin(position));
  }
  for (const order of account.openOrders) {
    if (order.status === 'open' && order.marginMode === 'ISOLATED') held = add(held, order.reservedMargin);
  }
  return held;
}

/**
 * Moves `change` into the balance, never below `floor` (zero, or the isolated holdings for a
 * cross debit); the unpaid part is insurance cover. Returns the cover.
 */
export function creditBalance(account: AccountRecord, change: Dec, floor: Dec = ZERO): Dec {
  const next = add(account.balance, change);
  // Only debits are floored, and never below where the balance already is.
  const limit = cmp(account.balance, floor) < 0 ? account.balance : floor;
  if (sign(change) >= 0 || cmp(next, limit) >= 0) {
    account.balance = next;
    return ZERO;
  }
  const cover = sub(limit, next);
  account.ledger.insuranceCover = add(account.ledger.insuranceCover, cover);
  account.balance = limit;
  return cover;
}

function share(total: Dec, part: bigint, whole: bigint): Dec {
  if (part === whole) return total;
  return round(quot(mul(total, { m: part, s: 0 }), { m: whole, s: 0 }), MONEY_SCALE, 'half-up');
}

function reduce(
  account: AccountRecord,
  position: PositionRecord,
  input: FillInput,
  closing: bigint,
  closeFee: Dec,
): Dec {
  const whole = position.qty < 0n ? -position.qty : position.qty;
  const direction = position.qty > 0n ? 1n : -1n;
  const releasedCost = share(position.cost, closing, whole);
  const gross = sub(
    mul(valueOf(closing, input.spec.multiplier, input.price), { m: direction, s: 0 }),
    releasedCost,
  );
  const released = {
    init: share(position.posInit, closing, whole),
    comm: share(position.posComm, closing, whole),
    cross: share(position.posCross, closing, whole),
    loss: share(position.posLoss, closing, whole),
  };
  const releasedMargin = sub(add(add(released.init, released.comm), released.cross), released.loss);
  let change = sub(gross, closeFee);
  if (position.marginMode === 'ISOLATED' && sign(add(change, releasedMargin)) < 0) {
    // docs/reference/kucoin-futures.md#isolated-margin: an isolated position can lose at most its margin; the rest is the insurance fund's.
    account.ledger.insuranceCover = add(account.ledger.insuranceCover, neg(add(change, releasedMargin)));
    change = neg(releasedMargin);
  }
  account.ledger.realisedGross = add(account.ledger.realisedGross, gross);
  account.ledger.fees = add(account.ledger.fees, closeFee);
  creditBalance(account, change, position.marginMode === 'CROSS' ? isolatedHoldings(account) : ZERO);
  position.qty -= direction * closing;
  position.cost = sub(position.cost, releasedCost);
  position.posInit = sub(position.posInit, released.init);
  position.posComm = sub(position.posComm, released.comm);
  position.posCross = sub(position.posCross, released.cross);
  position.posLoss = sub(position.posLoss, released.loss);
  position.realisedGrossPnl = add(position.realisedGrossPnl, gross);
  return gross;
}

function open(
  account: AccountRecord,
  position: PositionRecord,
  input: FillInput,
  opening: bigint,
  openFee: Dec,
): void {
  if (position.qty === 0n) {
    position.marginMode = input.marginMode;
    position.leverage = input.leverage;
    position.openingTimestamp = input.nowMs;
    position.openPrice = input.price;
    position.posInit = ZERO;
    position.posComm = ZERO;
    position.posCross = ZERO;
    position.posLoss = ZERO;
    position.cost = ZERO;
    // A new life: what the previous one realised is in history-positions now.
    position.realisedGrossPnl = ZERO;
    position.currentComm = ZERO;
    position.posFunding = ZERO;
  }
  const value = valueOf(opening, input.spec.multiplier, input.price);
  const direction = input.side === 'buy' ? 1n : -1n;
  position.qty += direction * opening;
  position.cost = add(position.cost, mul(value, { m: direction, s: 0 }));
  if (position.marginMode === 'ISOLATED') {
    position.posInit = add(position.posInit, initialMarginOf(value, input.leverage));
    position.posComm = add(position.posComm, posCommOf(value, input.leverage, input.spec.takerFeeRate));
  } else {
    position.posInit = initialMarginOf(abs(position.cost), position.leverage);
  }
  account.ledger.fees = add(account.ledger.fees, openFee);
  creditBalance(account, neg(openFee));
}

/**
 * Applies a fill to `position` and the account.
 * Returns how much opened and closed, the fees and the realised gross PnL.
 */
export function applyFill(account: AccountRecord, position: PositionRecord, input: FillInput): FillOutcome {
  const reducing = position.qty !== 0n && position.qty > 0n !== (input.side === 'buy');
  const held = position.qty < 0n ? -position.qty : position.qty;
  const closingLots = reducing ? (input.lots < held ? input.lots : held) : 0n;
  const openingLots = input.lots - closingLots;
  const openFee = feeOf(valueOf(openingLots, input.spec.multiplier, input.price), input.feeRate);
  let closeFee = feeOf(valueOf(closingLots, input.spec.multiplier, input.price), input.feeRate);
  if (input.liquidation && closingLots === held && position.marginMode === 'ISOLATED')
    closeFee = liquidationFee(position, input);
  const gross = closingLots > 0n ? reduce(account, position, input, closingLots, closeFee) : ZERO;
  position.currentComm = add(position.currentComm, closeFee);
  const closedPosition = closingLots > 0n && position.qty === 0n ? closeOut(position) : null;
  if (openingLots > 0n) {
    open(account, position, input, openingLots, openFee);
    position.currentComm = add(position.currentComm, openFee);
  }
  const fee = add(openFee, closeFee);
  return {
    openingLots,
    closingLots,
    fee,
    openFee,
    closeFee,
    realisedGross: gross,
    feeRate: input.feeRate,
    closedPosition,
  };
}

/** Liquidation at the bankruptcy price: the fee is the margin left after the loss (≈ posComm). */
function liquidationFee(position: PositionRecord, input: FillInput): Dec {
  const held = position.qty < 0n ? -position.qty : position.qty;
  const direction = position.qty > 0n ? 1n : -1n;
  const gross = sub(
    mul(valueOf(held, input.spec.multiplier, input.price), { m: direction, s: 0 }),
    position.cost,
  );
  const left = add(isolatedPosMargin(position), gross);
  return sign(left) > 0 ? round(left, MONEY_SCALE, 'down') : ZERO;
}

/**
 * Snapshot of a position that just went flat; its margin resets. What the closed life realised
 * (realisedGrossPnl, currentComm, posFunding) stays readable on the flat position — KuCoin's
 * closing position.change and GET /api/v1/position report it — until the next open resets it.
 */
function closeOut(position: PositionRecord): PositionRecord {
  const snapshot = { ...position };
  position.cost = ZERO;
  position.posInit = ZERO;
  position.posComm = ZERO;
  position.posCross = ZERO;
  position.posLoss = ZERO;
  return snapshot;
}

/** Fee rate of a fill: makers pay maker unless hidden/iceberg (which pay taker, docs/reference/kucoin-futures.md#fees-and-funding). */
export function feeRateFor(spec: ContractSpec, liquidity: 'maker' | 'taker', hiddenOrIceberg: boolean): Dec {
  return liquidity === 'maker' && !hiddenOrIceberg ? spec.makerFeeRate : spec.takerFeeRate;
}
