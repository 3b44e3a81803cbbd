/**
 * An account's small live state, the part rewritten whenever it changes: balance, ledger, positions,
 * open and parked orders and the per-symbol settings. The long lists live in `history` rows.
 */
import { z } from 'zod';
import { newAccountRecord } from '../core/engine/accounting.ts';
import type { Dec } from '../core/model/decimal.ts';
import type { AccountRecord, Ledger, OrderRecord, PositionRecord } from '../core/model/state.ts';
import type { MarginMode } from '../core/wire/wire-types.ts';

/** The saved form of an account's live state. */
export interface AccountCore {
  readonly userId: string;
  readonly balance: Dec;
  readonly ledger: Ledger;
  readonly walletVersion: number;
  readonly positions: readonly PositionRecord[];
  readonly openOrders: readonly OrderRecord[];
  readonly marginModes: readonly (readonly [string, MarginMode])[];
  readonly crossLeverage: readonly (readonly [string, Dec])[];
  readonly autoDeposit: readonly string[];
  readonly riskLimitLevels: readonly (readonly [string, number])[];
  readonly depositBizNos: readonly string[];
}

/** The live state of `account`, in the order the orders were accepted. */
export function accountCoreOf(account: AccountRecord): AccountCore {
  return {
    userId: account.userId,
    balance: account.balance,
    ledger: account.ledger,
    walletVersion: account.walletVersion,
    positions: [...account.positions.values()],
    openOrders: [...account.openOrders].sort((a, b) => a.priority - b.priority),
    marginModes: [...account.marginModes],
    crossLeverage: [...account.crossLeverage],
    autoDeposit: [...account.autoDeposit],
    riskLimitLevels: [...account.riskLimitLevels],
    depositBizNos: [...account.depositBizNos],
  };
}

const decShape = z.object({ m: z.bigint(), s: z.number().int() });
/**
 * The outline a saved account must have. Records inside are checked for the fields restore relies
 * on; the rest were written by this code and are taken as written.
 */
const coreShape = z.object({
  userId: z.string().min(1),
  balance: decShape,
  ledger: z.object({
    deposits: decShape,
    realisedGross: decShape,
    fees: decShape,
    funding: decShape,
    insuranceCover: decShape,
  }),
  walletVersion: z.number().int(),
  positions: z.array(z.object({ symbol: z.string(), qty: z.bigint() }).loose()),
  openOrders: z.array(
    z
      .object({
        id: z.string(),
        symbol: z.string(),
        clientOid: z.string(),
        parked: z.boolean(),
        resting: z.boolean(),
        priority: z.number(),
      })
      .loose(),
  ),
  marginModes: z.array(z.tuple([z.string(), z.enum(['ISOLATED', 'CROSS'])])),
  crossLeverage: z.array(z.tuple([z.string(), decShape])),
  autoDeposit: z.array(z.string()),
  riskLimitLevels: z.array(z.tuple([z.string(), z.number().int()])),
  depositBizNos: z.array(z.string()),
});

/** Checks a decoded row; throws a ZodError naming the field that is wrong. */
export function parseAccountCore(value: unknown): AccountCore {
  coreShape.parse(value);
  return value as AccountCore;
}

/** An account record holding `core` (history lists empty: the caller fills them). */
export function accountFromCore(core: AccountCore): AccountRecord {
  const account = newAccountRecord(core.userId, core.balance);
  Object.assign(account.ledger, core.ledger);
  account.walletVersion = core.walletVersion;
  for (const position of core.positions) account.positions.set(position.symbol, position);
  for (const order of core.openOrders) {
    account.orders.set(order.id, order);
    account.openOrders.add(order);
  }
  for (const [symbol, mode] of core.marginModes) account.marginModes.set(symbol, mode);
  for (const [symbol, leverage] of core.crossLeverage) account.crossLeverage.set(symbol, leverage);
  for (const symbol of core.autoDeposit) account.autoDeposit.add(symbol);
  for (const [symbol, level] of core.riskLimitLevels) account.riskLimitLevels.set(symbol, level);
  for (const bizNo of core.depositBizNos) account.depositBizNos.add(bizNo);
  return account;
}
