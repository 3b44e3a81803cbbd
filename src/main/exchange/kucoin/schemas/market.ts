import { z } from 'zod';
import { decimalSchema, epochSchema, lotsSchema, optionalDecimalSchema } from './common.ts';

/** GET /api/v1/timestamp → server epoch ms (docs/reference/kucoin-futures.md#server-time). */
export const serverTimeSchema = z.number().int().positive();

/** One futures contract (GET /api/v1/contracts/active, docs/reference/kucoin-futures.md#market-data). Extra fields are kept. */
export const contractSchema = z.looseObject({
  symbol: z.string().min(1),
  baseCurrency: z.string(),
  quoteCurrency: z.string(),
  settleCurrency: z.string(),
  type: z.string().optional(),
  status: z.string(),
  multiplier: decimalSchema,
  tickSize: decimalSchema,
  lotSize: decimalSchema,
  maxOrderQty: z.number(),
  maxPrice: decimalSchema,
  maxLeverage: z.number(),
  initialMargin: decimalSchema,
  maintainMargin: decimalSchema,
  makerFeeRate: decimalSchema,
  takerFeeRate: decimalSchema,
  isInverse: z.boolean().optional(),
  indexPriceTickSize: optionalDecimalSchema,
  markPrice: optionalDecimalSchema,
  indexPrice: optionalDecimalSchema,
  lastTradePrice: optionalDecimalSchema,
  fundingFeeRate: optionalDecimalSchema,
  /** Milliseconds from the answer until the next funding settlement (not an epoch). */
  nextFundingRateTime: z.number().optional(),
  /** 24 h change as a fraction (0.0123 = +1.23 %), high, low and volume in lots. */
  priceChgPct: optionalDecimalSchema,
  highPrice: optionalDecimalSchema,
  lowPrice: optionalDecimalSchema,
  volumeOf24h: optionalDecimalSchema,
  buyLimit: optionalDecimalSchema,
  sellLimit: optionalDecimalSchema,
  /** Cross-margin parameters (KuCoin's cross MMR/IMR model); absent on older answers. */
  m: optionalDecimalSchema,
  mmrLevConstant: optionalDecimalSchema,
  f: optionalDecimalSchema,
  mmrLimit: optionalDecimalSchema,
});
export type KucoinContract = z.infer<typeof contractSchema>;
export const contractsSchema = z.array(contractSchema);

/** GET /api/v1/ticker (docs/reference/kucoin-futures.md#market-data). */
export const tickerSchema = z.looseObject({
  symbol: z.string(),
  sequence: z.number().int(),
  price: decimalSchema,
  size: lotsSchema.optional(),
  side: z.enum(['buy', 'sell']).optional(),
  tradeId: z.string().optional(),
  bestBidPrice: decimalSchema,
  bestBidSize: lotsSchema,
  bestAskPrice: decimalSchema,
  bestAskSize: lotsSchema,
  ts: epochSchema,
});
export type KucoinTicker = z.infer<typeof tickerSchema>;

const levelSchema = z.tuple([decimalSchema, lotsSchema]);

/** GET /api/v1/level2/snapshot: bids high→low, asks low→high (docs/reference/kucoin-futures.md#market-data). */
export const level2SnapshotSchema = z.looseObject({
  symbol: z.string(),
  sequence: z.number().int(),
  bids: z.array(levelSchema),
  asks: z.array(levelSchema),
  ts: epochSchema.optional(),
});
export type KucoinLevel2Snapshot = z.infer<typeof level2SnapshotSchema>;

/** GET /api/v1/kline/query row `[startMs, open, high, low, close, volume]` (docs/reference/kucoin-futures.md#market-data). */
export const klineRowSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()])
  .rest(z.number());
export const klinesSchema = z.array(klineRowSchema);

/** GET /api/v1/mark-price/{symbol}/current (docs/reference/kucoin-futures.md#market-data). */
export const markPriceSchema = z.looseObject({
  symbol: z.string(),
  granularity: z.number(),
  timePoint: epochSchema,
  value: decimalSchema,
  indexPrice: optionalDecimalSchema,
});
export type KucoinMarkPrice = z.infer<typeof markPriceSchema>;

/** GET /api/v1/funding-rate/{symbol}/current (docs/reference/kucoin-futures.md#market-data). */
export const fundingRateSchema = z.looseObject({
  symbol: z.string(),
  granularity: z.number(),
  timePoint: epochSchema,
  value: decimalSchema,
  predictedValue: optionalDecimalSchema,
  fundingRateCap: optionalDecimalSchema,
  fundingRateFloor: optionalDecimalSchema,
  fundingTime: epochSchema.optional(),
});
export type KucoinFundingRate = z.infer<typeof fundingRateSchema>;

/** One settled funding rate of GET /api/v1/contract/funding-rates (KuCoin's spec: all three required). */
export const fundingRatePointSchema = z.looseObject({
  symbol: z.string(),
  fundingRate: z.number(),
  timepoint: epochSchema,
});
/** The answer of GET /api/v1/contract/funding-rates. */
export const fundingRateHistorySchema = z.array(fundingRatePointSchema);
/** One settled funding rate of a contract. */
export type KucoinFundingRatePoint = z.infer<typeof fundingRatePointSchema>;

/** POST /api/v1/bullet-public|private (docs/reference/kucoin-futures.md#ws-token). */
export const bulletSchema = z.looseObject({
  token: z.string().min(1),
  instanceServers: z
    .array(
      z.looseObject({
        endpoint: z.string().min(1),
        protocol: z.string().optional(),
        encrypt: z.boolean().optional(),
        pingInterval: z.number().int().positive(),
        pingTimeout: z.number().int().positive(),
      }),
    )
    .min(1),
});
export type KucoinBullet = z.infer<typeof bulletSchema>;
