import { z } from 'zod';
import { decimalSchema, epochSchema, optionalDecimalSchema } from './common.ts';

/** One position (GET /api/v1/position(s), docs/reference/kucoin-futures.md#positions). `currentQty` is signed lots: > 0 long, < 0 short. */
export const positionSchema = z.looseObject({
  symbol: z.string(),
  currentQty: z.number().int(),
  isOpen: z.boolean(),
  crossMode: z.boolean().optional(),
  marginMode: z.enum(['CROSS', 'ISOLATED']).optional(),
  positionSide: z.string().optional(),
  avgEntryPrice: optionalDecimalSchema,
  markPrice: optionalDecimalSchema,
  markValue: optionalDecimalSchema,
  liquidationPrice: optionalDecimalSchema,
  bankruptPrice: optionalDecimalSchema,
  unrealisedPnl: optionalDecimalSchema,
  realisedPnl: optionalDecimalSchema,
  posInit: optionalDecimalSchema,
  posMargin: optionalDecimalSchema,
  posMaint: optionalDecimalSchema,
  maintMarginReq: optionalDecimalSchema,
  leverage: optionalDecimalSchema,
  realLeverage: optionalDecimalSchema,
  settleCurrency: z.string().optional(),
  currentTimestamp: epochSchema.optional(),
});
export type KucoinPosition = z.infer<typeof positionSchema>;
export const positionsSchema = z.array(positionSchema);

/** GET/POST /api/v2/position/getMarginMode | changeMarginMode. */
export const marginModeSchema = z.looseObject({
  symbol: z.string(),
  marginMode: z.enum(['CROSS', 'ISOLATED']),
});
export type KucoinMarginMode = z.infer<typeof marginModeSchema>;

/** GET /api/v2/getCrossUserLeverage. */
export const crossLeverageSchema = z.looseObject({
  symbol: z.string(),
  leverage: decimalSchema,
});
export type KucoinCrossLeverage = z.infer<typeof crossLeverageSchema>;

/** POST /api/v2/changeCrossUserLeverage → `data: true`. */
export const acknowledgedSchema = z.literal(true);

/**
 * One isolated-margin risk-limit level (GET /api/v1/contracts/risk-limit/{symbol}, docs/reference/kucoin-futures.md#risk-limits): the
 * position value range in USDT (`maxRiskLimit` inclusive) and its leverage cap and margin rates.
 */
export const riskLimitLevelSchema = z.looseObject({
  symbol: z.string(),
  level: z.number().int().positive(),
  minRiskLimit: decimalSchema,
  maxRiskLimit: decimalSchema,
  maxLeverage: z.number().int().positive(),
  initialMargin: decimalSchema,
  maintainMargin: decimalSchema,
});
/** One risk-limit level as parsed (decimal strings). */
export type KucoinRiskLimitLevel = z.infer<typeof riskLimitLevelSchema>;
/** The whole tier table of one contract. */
export const riskLimitLevelsSchema = z.array(riskLimitLevelSchema);
