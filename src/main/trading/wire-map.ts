/**
 * KuCoin answers (as parsed by the exchange client) → trading domain values. KuCoin's wire names
 * stay in this file and in exchange/ (docs/CONTRIBUTING.md).
 */
import type { Contract, RiskLimitTier } from '../../shared/domain/contract.ts';
import type { OrderStatus } from '../../shared/domain/order.ts';
import type { MarginMode } from '../../shared/domain/position.ts';
import type { KucoinContract } from '../exchange/kucoin/schemas/market.ts';
import type { KucoinOrder } from '../exchange/kucoin/schemas/orders.ts';
import type { KucoinPosition, KucoinRiskLimitLevel } from '../exchange/kucoin/schemas/positions.ts';
import { ExchangeError, TradingError } from '../../shared/errors.ts';
import { dec, format } from '../../shared/domain/decimal.ts';
import { z } from 'zod';

const contractStatuses = new Set([
  'Init',
  'Open',
  'BeingSettled',
  'Settled',
  'Paused',
  'Closed',
  'CancelOnly',
]);

/** A KuCoin contract → domain contract (tiers filled in separately when known). */
export function contractFromWire(wire: KucoinContract): Contract {
  const status = contractStatuses.has(wire.status) ? (wire.status as Contract['status']) : 'Paused';
  return {
    symbol: wire.symbol,
    status,
    tickSize: wire.tickSize,
    lotSize: Math.max(1, Math.round(Number(wire.lotSize))),
    multiplier: wire.multiplier,
    maxOrderQtyLots: wire.maxOrderQty,
    maxPrice: wire.maxPrice,
    maxLeverage: wire.maxLeverage,
    maintenanceMarginRate: wire.maintainMargin,
    makerFeeRate: wire.makerFeeRate,
    takerFeeRate: wire.takerFeeRate,
    riskLimitTiers: [],
    ...(wire.m === undefined ||
    wire.mmrLevConstant === undefined ||
    wire.f === undefined ||
    wire.mmrLimit === undefined
      ? {}
      : {
          crossMargin: { m: wire.m, mmrLevConstant: wire.mmrLevConstant, f: wire.f, mmrLimit: wire.mmrLimit },
        }),
  };
}

/** KuCoin risk-limit levels (docs/reference/kucoin-futures.md#risk-limits) → domain tiers, ascending by level. */
export function tiersFromWire(levels: readonly KucoinRiskLimitLevel[]): RiskLimitTier[] {
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map((level) => ({
      level: level.level,
      maxRiskLimit: level.maxRiskLimit,
      maxLeverage: level.maxLeverage,
      initialMarginRate: level.initialMargin,
      maintenanceMarginRate: level.maintainMargin,
    }));
}

/** Our status for an exchange order (docs/reference/kucoin-futures.md#orders: status open|done, filledSize vs size). */
export function statusFromWire(wire: KucoinOrder): { status: OrderStatus; filledLots: number } {
  const filledLots = wire.filledSize ?? wire.dealSize ?? 0;
  if (wire.status === 'done' || !wire.isActive) {
    return { status: filledLots >= wire.size ? 'FILLED' : 'CANCELLED', filledLots };
  }
  return { status: filledLots > 0 ? 'PARTIALLY_FILLED' : 'ACKED', filledLots };
}

/** Whether an exchange error says "no such order" (KuCoin 404000 / HTTP 404; docs/reference/kucoin-futures.md#orders byClientOid). */
export function isOrderAbsent(error: unknown): boolean {
  if (!(error instanceof ExchangeError)) return false;
  const code = error.details.kucoinCode;
  return code === '404000' || error.details.httpStatus === 404;
}

/** Whether a placement error says the clientOid already exists (KuCoin 300018). */
export function isDuplicateClientOid(error: unknown): boolean {
  return error instanceof TradingError && error.details.kucoinCode === '300018';
}

/** An open position in domain terms (one-way mode: the sign of currentQty is the side). */
export interface ExchangePosition {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly sizeLots: number;
  readonly marginMode: MarginMode;
  /** Undefined when the exchange did not say: every consumer treats it as unknown, never as 0. */
  readonly avgEntryPrice: string | undefined;
  readonly markPrice: string | undefined;
  /** The exchange's liquidation price; undefined when absent or 0 (KuCoin reports 0 when it has none). */
  readonly liquidationPrice: string | undefined;
  readonly leverage: number | undefined;
  readonly unrealisedPnl: string | undefined;
  readonly realisedPnl: string | undefined;
  readonly marginUsdt: string | undefined;
  /** Funding settled on this position so far (USDT, + received / − paid; KuCoin `posFunding`). */
  readonly fundingUsdt: string;
}

// `posFunding` is not in the client's position schema (a loose object keeps it): read it here.
const posFundingSchema = z.object({
  posFunding: z
    .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
    .nullable()
    .optional(),
});

function fundingOf(wire: KucoinPosition): string {
  const parsed = posFundingSchema.safeParse(wire);
  const raw = parsed.success ? parsed.data.posFunding : undefined;
  if (raw === undefined || raw === null) return '0';
  return typeof raw === 'string' ? raw : format(dec(raw.toFixed(10)));
}

/** A positive decimal, or undefined for absent, null, zero or negative values. */
function positiveOrUnknown(text: string | undefined): string | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  return /[1-9]/.test(text) ? text : undefined;
}

function signedOrUnknown(text: string | undefined): string | undefined {
  return text !== undefined && /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
}

function leverageOf(wire: KucoinPosition): number | undefined {
  const value = Number(wire.realLeverage ?? wire.leverage);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** KuCoin's `marginMode` (newer) or `crossMode` (older); ISOLATED, KuCoin's default, when neither is given. */
export function marginModeOf(wire: KucoinPosition): MarginMode {
  if (wire.marginMode !== undefined) return wire.marginMode;
  return wire.crossMode === true ? 'CROSS' : 'ISOLATED';
}

/** Open positions only; closed ones (currentQty 0) are dropped. Missing numbers stay unknown. */
export function positionFromWire(wire: KucoinPosition): ExchangePosition | 'closed' {
  if (wire.currentQty === 0 || !wire.isOpen) return 'closed';
  return {
    symbol: wire.symbol,
    side: wire.currentQty > 0 ? 'long' : 'short',
    sizeLots: Math.abs(wire.currentQty),
    marginMode: marginModeOf(wire),
    avgEntryPrice: positiveOrUnknown(wire.avgEntryPrice),
    markPrice: positiveOrUnknown(wire.markPrice),
    liquidationPrice: positiveOrUnknown(wire.liquidationPrice),
    leverage: leverageOf(wire),
    unrealisedPnl: signedOrUnknown(wire.unrealisedPnl),
    realisedPnl: signedOrUnknown(wire.realisedPnl),
    marginUsdt: positiveOrUnknown(wire.posMargin),
    fundingUsdt: fundingOf(wire),
  };
}
