import { z } from 'zod';

/** KuCoin's envelope (docs/reference/kucoin-futures.md#rest-conventions): `code` is a string, `data` on success, `msg` on errors. */
export const envelopeSchema = z.looseObject({
  code: z.string(),
  data: z.unknown().optional(),
  msg: z.string().optional(),
});

const decimalPattern = /^-?\d+(\.\d+)?$/;

function numberToDecimal(value: number): string {
  const text = String(value);
  if (!text.includes('e')) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * A decimal as a string. KuCoin sends some prices as JSON numbers and some as strings (docs/reference/kucoin-futures.md#market-data);
 * we keep strings at the edge so money is never summed as floats downstream.
 */
export const decimalSchema = z.union([
  z.string().regex(decimalPattern, 'not a decimal'),
  z.number().transform(numberToDecimal),
]);

/** A decimal that KuCoin may send as null or empty string ("not set"). */
export const optionalDecimalSchema = z
  .union([decimalSchema, z.null(), z.literal('')])
  .optional()
  .transform((value) => (value === null || value === '' ? undefined : value));

/** Integer lots (KuCoin sends sizes as integers, sometimes as integer strings on WS). */
export const lotsSchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** Epoch milliseconds or nanoseconds as a number. */
export const epochSchema = z.number().nonnegative();

/** `{currentPage,pageSize,totalNum,totalPage,items}` pager (docs/reference/kucoin-futures.md#rest-conventions). */
export function pagedSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    currentPage: z.number().int(),
    pageSize: z.number().int(),
    totalNum: z.number().int(),
    totalPage: z.number().int(),
    items: z.array(item),
  });
}
