/** Inputs of one pre-trade evaluation. Everything is already parsed; the engine is pure. */
import type { Dec } from '../../../shared/domain/decimal.ts';
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
  /** Orders that can only shrink a position (closes, protective stops). */
  readonly reduceOnly: boolean;
}

/** The open position on the order's contract (one-way mode). */
export interface RiskPosition {
  readonly side: PositionSide;
  readonly sizeLots: number;
  readonly avgEntryPrice: Dec;
}

/** Everything one evaluation needs. */
export interface RiskContext {
  readonly order: RiskOrder;
  /** `undefined` when the symbol is not a known contract (denied by `contract-tradable`). */
  readonly contract: PreparedContract | undefined;
  readonly markPrice: Dec;
  readonly equityUsdt: Dec;
  readonly availableMarginUsdt: Dec;
  readonly position: RiskPosition | undefined;
  /** Current exposure (positions + resting entries) in USDT, excluding this order. */
  readonly exposureUsdt: Dec;
  readonly tradingState: TradingStateName;
  /** Orders submitted in the rolling minute before this one. */
  readonly ordersInLastMinute: number;
  readonly limits: PreparedRiskLimits;
}
