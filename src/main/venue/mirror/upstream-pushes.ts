/**
 * KuCoin's public pushes the mirror reads (https://www.kucoin.com/docs-new/websocket-api/futures-public/):
 * `/contractMarket/execution` prints, `/contract/instrument` mark/index and funding rate. Parsed here
 * at the edge; a push that does not parse is dropped and counted, never half-applied.
 */
import { z } from 'zod';
import { decimalSchema } from '../../exchange/kucoin/schemas/common.ts';

/** One `/contractMarket/execution` print. */
export const executionPushSchema = z.looseObject({
  symbol: z.string(),
  side: z.enum(['buy', 'sell']),
  size: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]),
  price: decimalSchema,
  tradeId: z.union([z.string(), z.number().transform(String)]),
});

/** `/contract/instrument` subject `mark.index.price`. */
export const markIndexPushSchema = z.looseObject({
  markPrice: decimalSchema,
  indexPrice: decimalSchema,
});

/** `/contract/instrument` subject `funding.rate` (the predicted rate, every minute). */
export const fundingRatePushSchema = z.looseObject({
  fundingRate: decimalSchema,
});

/** The symbol after `:` in a topic, or '' when there is none. */
export function topicSymbol(topic: string): string {
  const colon = topic.indexOf(':');
  return colon < 0 ? '' : topic.slice(colon + 1);
}
