/**
 * Parsing and validation of an order request body (POST /api/v1/orders, docs/reference/kucoin-futures.md#orders) into an
 * {@link OrderDraft}. Every malformed input becomes KuCoin's 100001 with a message naming the
 * field; nothing here touches state.
 */
import { z } from 'zod';
import type { ContractSpec } from '../model/contracts.ts';
import type { Dec } from '../model/decimal.ts';
import { cmp, dec, isDecimalString, isZero, mul, quot, round, sign, trim } from '../model/decimal.ts';
import { venueErrors } from '../wire/errors.ts';
import type { MarginMode, Side, StopDirection, StopPriceType } from '../wire/wire-types.ts';

const numeric = z.union([z.string(), z.number()]);
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** The body fields KuCoin's place-order endpoint understands; unknown fields are ignored as KuCoin does. */
export const orderBodySchema = z.object({
  clientOid: z.string(),
  side: z.enum(['buy', 'sell']).optional(),
  symbol: z.string(),
  leverage: numeric.optional(),
  type: z.enum(['limit', 'market']).optional(),
  price: numeric.optional(),
  size: numeric.optional(),
  qty: numeric.optional(),
  valueQty: numeric.optional(),
  timeInForce: z.enum(['GTC', 'IOC']).optional(),
  postOnly: flag.optional(),
  hidden: flag.optional(),
  iceberg: flag.optional(),
  visibleSize: numeric.optional(),
  reduceOnly: flag.optional(),
  closeOrder: flag.optional(),
  forceHold: flag.optional(),
  stop: z.enum(['up', 'down', '']).optional(),
  stopPriceType: z.enum(['TP', 'MP', 'IP', '']).optional(),
  stopPrice: numeric.optional(),
  stp: z.enum(['CN', 'CO', 'CB', '']).optional(),
  marginMode: z.enum(['ISOLATED', 'CROSS']).optional(),
  remark: z.string().optional(),
  positionSide: z.enum(['BOTH']).optional(),
  triggerStopUpPrice: numeric.optional(),
  triggerStopDownPrice: numeric.optional(),
});

/** How the order states its size (exactly one of size / qty / valueQty, docs/reference/kucoin-futures.md#orders). */
export type SizeSpec =
  | { readonly kind: 'size'; readonly lots: bigint }
  | { readonly kind: 'qty'; readonly base: Dec }
  | { readonly kind: 'valueQty'; readonly value: Dec }
  | { readonly kind: 'position' };

/** A syntactically valid order request, before it meets the book and the account. */
export interface OrderDraft {
  readonly clientOid: string;
  readonly symbol: string;
  readonly side: Side | null;
  readonly type: 'limit' | 'market';
  readonly price: Dec | null;
  readonly sizeSpec: SizeSpec;
  readonly timeInForce: 'GTC' | 'IOC';
  readonly postOnly: boolean;
  readonly hidden: boolean;
  readonly iceberg: boolean;
  readonly visibleSize: bigint | null;
  readonly reduceOnly: boolean;
  readonly closeOrder: boolean;
  readonly forceHold: boolean;
  readonly leverage: Dec | null;
  readonly marginMode: MarginMode | null;
  readonly stop: '' | StopDirection;
  readonly stopPrice: Dec | null;
  readonly stopPriceType: '' | StopPriceType;
  readonly stp: string;
  readonly remark: string | null;
  readonly triggerStopUpPrice: Dec | null;
  readonly triggerStopDownPrice: Dec | null;
}

type OrderBody = z.infer<typeof orderBodySchema>;

const clientOidPattern = /^[0-9A-Za-z_-]{1,40}$/;

function decimalField(value: string | number | undefined, field: string): Dec | null {
  if (value === undefined || value === '') return null;
  const textValue = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'number' && !Number.isFinite(value))
    throw venueErrors.invalidParameter(`The ${field} parameter is invalid`);
  if (!isDecimalString(textValue) && typeof value === 'string')
    throw venueErrors.invalidParameter(`The ${field} parameter is invalid`);
  try {
    return trim(dec(value));
  } catch {
    throw venueErrors.invalidParameter(`The ${field} parameter is invalid`);
  }
}

function positiveField(value: string | number | undefined, field: string): Dec | null {
  const parsed = decimalField(value, field);
  if (parsed !== null && sign(parsed) <= 0)
    throw venueErrors.invalidParameter(`The ${field} parameter must be greater than 0`);
  return parsed;
}

function wholeLots(value: Dec, field: string): bigint {
  if (value.s > 0 && value.m % 10n ** BigInt(value.s) !== 0n)
    throw venueErrors.invalidParameter(`The ${field} parameter must be an integer`);
  return round(value, 0, 'down').m;
}

function sizeSpecOf(body: OrderBody, closeOrder: boolean): SizeSpec {
  const size = positiveField(body.size, 'size');
  const qty = positiveField(body.qty, 'qty');
  const valueQty = positiveField(body.valueQty, 'valueQty');
  const given = [size, qty, valueQty].filter((value) => value !== null).length;
  if (closeOrder) return { kind: 'position' };
  if (given !== 1) throw venueErrors.invalidParameter('Choose exactly one of size, qty and valueQty');
  if (size !== null) return { kind: 'size', lots: wholeLots(size, 'size') };
  if (qty !== null) return { kind: 'qty', base: qty };
  if (valueQty === null) throw venueErrors.invalidParameter('Choose exactly one of size, qty and valueQty');
  return { kind: 'valueQty', value: valueQty };
}

function checkFlags(body: OrderBody, type: 'limit' | 'market', timeInForce: 'GTC' | 'IOC'): void {
  const postOnly = body.postOnly ?? false;
  const hidden = body.hidden ?? false;
  const iceberg = body.iceberg ?? false;
  if (postOnly && (hidden || iceberg))
    throw venueErrors.invalidParameter('Unavailable to enable both "postOnly" and "hidden"');
  if (hidden && iceberg)
    throw venueErrors.invalidParameter('Unavailable to enable both "hidden" and "iceberg"');
  if (postOnly && timeInForce === 'IOC')
    throw venueErrors.invalidParameter('postOnly is not allowed with timeInForce IOC');
  if (type === 'market' && (postOnly || hidden || iceberg)) {
    throw venueErrors.invalidParameter('postOnly, hidden and iceberg are only for limit orders');
  }
}

function stopFields(body: OrderBody): Pick<OrderDraft, 'stop' | 'stopPrice' | 'stopPriceType'> {
  const stop = body.stop ?? '';
  const stopPrice = positiveField(body.stopPrice, 'stopPrice');
  if (stop === '') return { stop: '', stopPrice: null, stopPriceType: '' };
  if (stopPrice === null)
    throw venueErrors.invalidParameter('The stopPrice parameter is required for a stop order');
  const stopPriceType =
    body.stopPriceType === undefined || body.stopPriceType === '' ? 'TP' : body.stopPriceType;
  return { stop, stopPrice, stopPriceType };
}

function leverageOf(body: OrderBody, closeOrder: boolean, reduceOnly: boolean): Dec | null {
  const leverage = positiveField(body.leverage, 'leverage');
  if (leverage === null && !closeOrder && !reduceOnly)
    throw venueErrors.invalidParameter('The leverage parameter is required');
  return leverage;
}

/**
 * Parses a request body into a draft.
 * @throws VenueError 100001 when a field is missing, malformed or contradicts another.
 */
export function parseOrderBody(raw: unknown): OrderDraft {
  const parsed = orderBodySchema.safeParse(raw);
  if (!parsed.success) throw venueErrors.invalidParameter(firstIssue(parsed.error));
  const body = parsed.data;
  if (!clientOidPattern.test(body.clientOid))
    throw venueErrors.invalidParameter('The clientOid parameter is invalid');
  const closeOrder = body.closeOrder ?? false;
  const reduceOnly = body.reduceOnly ?? false;
  const type = body.type ?? (closeOrder && body.price === undefined ? 'market' : 'limit');
  const timeInForce = body.timeInForce ?? 'GTC';
  if (body.side === undefined && !closeOrder)
    throw venueErrors.invalidParameter('The side parameter is required');
  checkFlags(body, type, timeInForce);
  const price = positiveField(body.price, 'price');
  if (type === 'limit' && price === null)
    throw venueErrors.invalidParameter('The price parameter is required for a limit order');
  if ((body.remark ?? '').length > 100)
    throw venueErrors.invalidParameter('The remark parameter is too long');
  const visible = positiveField(body.visibleSize, 'visibleSize');
  return {
    clientOid: body.clientOid,
    symbol: body.symbol,
    side: body.side ?? null,
    type,
    price: type === 'market' ? null : price,
    sizeSpec: sizeSpecOf(body, closeOrder),
    timeInForce,
    postOnly: body.postOnly ?? false,
    hidden: body.hidden ?? false,
    iceberg: body.iceberg ?? false,
    visibleSize: visible === null ? null : wholeLots(visible, 'visibleSize'),
    reduceOnly,
    closeOrder,
    forceHold: body.forceHold ?? false,
    leverage: leverageOf(body, closeOrder, reduceOnly),
    marginMode: body.marginMode ?? null,
    ...stopFields(body),
    stp: body.stp ?? '',
    remark: body.remark ?? null,
    triggerStopUpPrice: positiveField(body.triggerStopUpPrice, 'triggerStopUpPrice'),
    triggerStopDownPrice: positiveField(body.triggerStopDownPrice, 'triggerStopDownPrice'),
  };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'Invalid parameter';
  const field = issue.path.join('.');
  return field === '' ? 'The request body is invalid' : `The ${field} parameter is invalid`;
}

/**
 * Checks a price against the contract grid and ceiling (docs/reference/kucoin-futures.md#orders: multiple of tickSize, ≤ maxPrice).
 * @throws VenueError 100001.
 */
export function checkPriceOnGrid(price: Dec, spec: ContractSpec, field: string): void {
  if (cmp(price, spec.maxPrice) > 0)
    throw venueErrors.invalidParameter(`The ${field} parameter cannot be greater than ${spec.maxPrice.m}`);
  const ticks = quot(price, spec.tickSize, 12);
  if (!isZero({ m: ticks.m % 10n ** 12n, s: 0 })) {
    throw venueErrors.invalidParameter(`The ${field} parameter must be a multiple of the tickSize`);
  }
}

/**
 * Lots an order asks for: size as given, qty ÷ multiplier (must be whole), valueQty ÷ (price ×
 * multiplier) floored (docs/reference/kucoin-futures.md#orders). @throws VenueError 100001 for a fractional qty or a size below 1 lot.
 */
export function lotsOf(spec: SizeSpec, contract: ContractSpec, referencePrice: Dec): bigint {
  if (spec.kind === 'size') return spec.lots;
  if (spec.kind === 'qty') {
    const lots = quot(spec.base, contract.multiplier, 12);
    if (lots.m % 10n ** 12n !== 0n)
      throw venueErrors.invalidParameter('The qty parameter must be a multiple of the multiplier');
    return lots.m / 10n ** 12n;
  }
  if (spec.kind === 'valueQty') {
    return round(quot(spec.value, mul(referencePrice, contract.multiplier), 12), 0, 'down').m;
  }
  return 0n;
}
