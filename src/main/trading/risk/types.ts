/** Inputs of one pre-trade evaluation. Everything is already parsed; the engine is pure. */
import type { Dec } from '../../../shared/domain/decimal.ts';
import type { MarginMode } from '../../../shared/domain/position.ts';
import type { OrderType, PositionSide, Side } from '../../../shared/domain/primitives.ts';
import type { TradingStateName } from '../../../shared/ipc/channels/trading.ts';
import type { PreparedContract, PreparedRiskLimits } from './prepared.ts';

/** The order as the risk engine sees it. Prices are decimal strings as received. */
export interface RiskOrder {
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly sizeLots: number;
  readonly price?: string | undefined;
  readonly leverage: number;
  /** Protective stop trigger; mandatory for entries. */
  readonly stopPrice?: string | undefined;
  /** Optional take-profit trigger of an entry (mark price, profit side; ADR 0342). */
  readonly takeProfitPrice?: string | undefined;
  /** Orders that can only shrink a position (closes, protective stops). */
  readonly reduceOnly: boolean;
}

/** The open position on the order's contract (one-way mode). */
export interface RiskPosition {
  readonly side: PositionSide;
  readonly sizeLots: number;
  readonly avgEntryPrice: Dec;
}

/** Entries still working at the exchange on the order's symbol and side, counted as if filled. */
export interface PendingEntries {
  readonly lots: number;
  /** Σ price × lots of the pending entries (their limit price, or their stop for market entries). */
  readonly priceTimesLots: Dec;
}

/** What a cross-margin liquidation estimate needs of the account (KuCoin's AMR model). */
export interface CrossAccount {
  /** Available balance plus the margin of the other cross positions (USDT). */
  readonly totalMarginUsdt: Dec;
  /** Mark value of the other cross positions (USDT). */
  readonly otherPositionsValueUsdt: Dec;
}

/** Everything one evaluation needs. */
export interface RiskContext {
  readonly order: RiskOrder;
  /** `undefined` when the symbol is not a known contract (denied by `contract-tradable`). */
  readonly contract: PreparedContract | undefined;
  readonly markPrice: Dec;
  /** How old the mark price is (ms); entries are refused past `maxReferencePriceAgeMs`. */
  readonly referencePriceAgeMs: number;
  readonly equityUsdt: Dec;
  readonly availableMarginUsdt: Dec;
  /** The symbol's margin mode at the exchange (the order carries it). */
  readonly marginMode: MarginMode;
  /** For CROSS: the shared margin and the other cross positions. */
  readonly cross: CrossAccount;
  readonly position: RiskPosition | undefined;
  /** Pending entries on the same symbol and side (empty for reduce-only checks). */
  readonly pending: PendingEntries;
  /** Current exposure (positions + resting entries) in USDT, excluding this order. */
  readonly exposureUsdt: Dec;
  readonly tradingState: TradingStateName;
  /** Orders submitted in the rolling minute before this one. */
  readonly ordersInLastMinute: number;
  readonly limits: PreparedRiskLimits;
  /** When the optional `against-verdict` rule objects to this entry: its sentence and numbers. */
  readonly againstVerdict?: {
    readonly message: string;
    readonly numbers: Readonly<Record<string, string | number | boolean>>;
  };
  /** LIVE only, when the optional cap is on: the paper record's readiness stage and its notional cap (USDT). */
  readonly liveSizeCap?: { readonly stage: string; readonly maxNotionalUsdt: Dec };
}
