/**
 * Trading channels: the order ticket, positions, orders, kill switch and the journal.
 *
 * Boundary rules (the renderer is untrusted): symbols must be linear perpetuals (`XBTUSDTM`),
 * sizes are whole lots (a JSON number; a digit string is accepted and normalised), prices are
 * decimal strings, leverage is an integer 1–100. Every entry carries a stop: there is no way to
 * express an unprotected entry on this channel. Failures come back as `{ ok:false, error }` with
 * `RiskRejectedError` (`details.ruleId` + numbers), `ValidationError` or an exchange error.
 */
import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';
import { orderSchema, orderStatusSchema } from '../../domain/order.ts';
import { marginModeSchema, positionSchema, protectionStatusSchema } from '../../domain/position.ts';
import {
  clientOidSchema,
  epochMsSchema,
  leverageSchema,
  lotsSchema,
  orderTypeSchema,
  priceSchema,
  sideSchema,
  symbolSchema,
} from '../../domain/primitives.ts';
import { riskDenialSchema, riskPreviewSchema } from '../../domain/risk.ts';
import { trailingSpecSchema, trailingStateSchema } from '../../domain/trailing.ts';

/**
 * An entry order with its mandatory stop. `price` is required for limit orders and refused for
 * market orders. `stopPrice` is the protective stop's trigger (mark price). `takeProfitPrice`, when
 * given, is where the position is taken off in profit (mark price; a long's above the entry, a
 * short's below): for a fresh entry it replaces any earlier one, absent it means none; for an add
 * it changes the position's only when given (ADR 0342).
 */
export const orderTicketSchema = z
  .object({
    symbol: symbolSchema,
    side: sideSchema,
    type: orderTypeSchema,
    sizeLots: lotsSchema,
    price: priceSchema.optional(),
    leverage: leverageSchema,
    stopPrice: priceSchema,
    takeProfitPrice: priceSchema.optional(),
    trailing: trailingSpecSchema.optional(),
  })
  .strict()
  .refine((ticket) => (ticket.type === 'limit') === (ticket.price !== undefined), {
    message: 'a limit order needs a price; a market order must not have one',
    path: ['price'],
  });
export type OrderTicket = z.infer<typeof orderTicketSchema>;

/** Trading state: ACTIVE trades; REDUCING accepts only orders that shrink exposure; HALTED cancels only. */
export const tradingStateSchema = z.enum(['ACTIVE', 'REDUCING', 'HALTED']);
export type TradingStateName = z.infer<typeof tradingStateSchema>;

/** The engine's trading state with the reason for the last change. */
export const tradingStateViewSchema = z.object({
  state: tradingStateSchema,
  reason: z.string(),
  /** Every automatic trigger that currently holds (e.g. `clock-unhealthy`), with manual ones. */
  activeTriggers: z.array(z.string()),
  since: epochMsSchema,
  /** False until start-up reconciliation has finished; no entries are accepted before. */
  reconciled: z.boolean(),
  dailyRealisedPnl: z.string(),
  consecutiveStopOuts: z.number().int().nonnegative(),
});
export type TradingStateView = z.infer<typeof tradingStateViewSchema>;

/** The answer to a placed order. */
export const placedOrderSchema = z.object({
  clientOid: clientOidSchema,
  status: orderStatusSchema,
  /**
   * How the stop follows: `attached` = sent with the entry (st-order); `on-first-fill` = the
   * protection watchdog places a reduce-only mark-price stop as soon as the entry fills
   * (watch `trading:protection-changed` for the badge).
   */
  protection: z.enum(['attached', 'on-first-fill']),
  preview: riskPreviewSchema,
});

/** A symbol's margin mode as the ticket shows it. */
export const marginModeViewSchema = z.object({
  symbol: symbolSchema,
  marginMode: marginModeSchema,
  /** False while the symbol has a position or open orders (KuCoin refuses the change then). */
  changeable: z.boolean(),
  /** Why it cannot change now, in the trader's words. */
  reason: z.string().optional(),
});
export type MarginModeView = z.infer<typeof marginModeViewSchema>;

/** What one position's close did during the kill switch. */
export const killSwitchCloseSchema = z.object({
  symbol: symbolSchema,
  /** `filled`: the position is flat at the exchange; `failed`: still open after the attempts (retried in the background, alerted). */
  outcome: z.enum(['filled', 'failed']),
  sizeLots: z.number().int().nonnegative(),
  reason: z.string().optional(),
});

/** What the kill switch did, in full. */
export const killSwitchReportSchema = z.object({
  state: tradingStateViewSchema,
  flatten: z.boolean(),
  /** Entries waiting in the rate-limit queue that were dropped before they left. */
  droppedQueuedEntries: z.number().int().nonnegative(),
  /** Non-protective open orders cancelled at the exchange. */
  cancelledOrders: z.number().int().nonnegative(),
  /** Orders whose cancel failed (symbol, id, why): they may still be working. */
  cancelFailures: z.array(z.object({ symbol: symbolSchema, orderId: z.string(), reason: z.string() })),
  /** Positions closed with their outcome (empty without flatten). */
  closes: z.array(killSwitchCloseSchema),
  /** Symbols whose positions are now flat at the exchange (closes that filled). */
  closedPositions: z.array(symbolSchema),
  /** Protective stops left in place (without flatten they keep guarding open positions). */
  protectiveStopsKept: z.number().int().nonnegative(),
  /** Stop orders of positions now flat that were cancelled. */
  protectiveStopsCancelled: z.number().int().nonnegative(),
});
export type KillSwitchReport = z.infer<typeof killSwitchReportSchema>;

/** A journal entry. */
export const journalEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: epochMsSchema,
  kind: z.string(),
  symbol: z.string().optional(),
  clientOid: z.string().optional(),
  data: z.record(z.string(), z.unknown()),
});
export type JournalEntryView = z.infer<typeof journalEntrySchema>;

/** What the journal holds, by kind. */
export const journalKindSchema = z.enum([
  'order',
  'fill',
  'stop',
  'trailing',
  'risk-decision',
  'alert',
  'alert-delivery',
  'state-change',
  'reconciliation',
  'position-event',
  // A setting changed (Settings or the alert channel pages): path, old and new value.
  'setting-change',
  // One step of an amend (cancel and replace): old and new clientOid, old and new price, lots, outcome.
  'amend',
]);

/**
 * What an amend did. `amended`: the old order is cancelled at the exchange and the replacement
 * (`newClientOid`) was sent for the remaining lots at the new price. `filled`: the old order
 * filled in full before the cancel landed; nothing new was placed. `cancelled-not-replaced`: the
 * old order is cancelled and the replacement was refused (`reason` is why) — the trader now has
 * neither, and is told so. A refusal before the cancel (risk, a price not on the tick, a cancel
 * the exchange did not confirm) comes back as an error instead: then nothing changed.
 */
export const amendResultSchema = z.object({
  outcome: z.enum(['amended', 'filled', 'cancelled-not-replaced']),
  oldClientOid: clientOidSchema,
  newClientOid: clientOidSchema.optional(),
  /** The replacement's status as the exchange first answered (ACKED, or UNKNOWN while it is confirmed). */
  newStatus: orderStatusSchema.optional(),
  symbol: symbolSchema,
  side: sideSchema,
  oldPrice: z.string(),
  price: z.string(),
  /** Lots of the replacement: the old order's size less what it filled before the cancel. */
  sizeLots: z.number().int().nonnegative(),
  /** Lots the old order filled before its cancel landed. */
  filledLots: z.number().int().nonnegative(),
  reason: z.string().optional(),
  /** What happened, in one sentence for the trader. */
  message: z.string(),
});
export type AmendResult = z.infer<typeof amendResultSchema>;

export const tradingChannels = {
  'trading:preview-order': { request: orderTicketSchema, response: riskPreviewSchema },
  'trading:place-order': { request: orderTicketSchema, response: placedOrderSchema },
  'trading:cancel-order': {
    request: z.object({ clientOid: clientOidSchema }).strict(),
    response: z.object({ clientOid: clientOidSchema, status: orderStatusSchema }),
  },
  /**
   * Moves an open limit order of ours (an entry or a reduce-only close; never a stop) to `price`:
   * the replacement is checked by the risk rules first, then the old order is cancelled and,
   * once the exchange confirms it, the remaining lots are placed at the new price with a new clientOid.
   */
  'trading:amend-order': {
    request: z.object({ clientOid: clientOidSchema, price: priceSchema }).strict(),
    response: amendResultSchema,
  },
  'trading:cancel-all': {
    request: z.object({ symbol: symbolSchema.optional() }).strict(),
    response: z.object({ cancelledCount: z.number().int().nonnegative() }),
  },
  /** Closes the position at market; with `sizeLots`, only that many lots (the rest keeps its stop). */
  'trading:close-position': {
    request: z.object({ symbol: symbolSchema, sizeLots: lotsSchema.optional() }).strict(),
    response: z.object({ clientOid: clientOidSchema, status: orderStatusSchema }),
  },
  'trading:move-stop': {
    request: z.object({ symbol: symbolSchema, stopPrice: priceSchema }).strict(),
    response: z.object({ symbol: symbolSchema, stopPrice: z.string(), stopClientOid: clientOidSchema }),
  },
  /**
   * Sets the position's take-profit at `price` (mark trigger; a long's above the mark, a short's
   * below, on the tick), or removes it when `price` is absent. Refused without an open position.
   * The take-profit is a reduce-only order on the profit side and never counts as protection.
   */
  'trading:set-take-profit': {
    request: z.object({ symbol: symbolSchema, price: priceSchema.optional() }).strict(),
    response: z.object({ symbol: symbolSchema, takeProfitPrice: z.string().nullable() }),
  },
  'trading:set-trailing': {
    request: z.object({ symbol: symbolSchema, trailing: trailingSpecSchema.nullable() }).strict(),
    response: z.object({ symbol: symbolSchema, trailing: trailingStateSchema.nullable() }),
  },
  'trading:trigger-kill-switch': {
    request: z.object({ flatten: z.boolean(), reason: z.string().max(200).optional() }).strict(),
    response: killSwitchReportSchema,
  },
  /** The symbol's margin mode at the exchange, and whether it can be changed now (no position, no open order). */
  'trading:get-margin-mode': {
    request: z.object({ symbol: symbolSchema }).strict(),
    response: marginModeViewSchema,
  },
  /** Changes the symbol's margin mode at the exchange; refused while it has a position or open orders. */
  'trading:set-margin-mode': {
    request: z.object({ symbol: symbolSchema, marginMode: marginModeSchema }).strict(),
    response: marginModeViewSchema,
  },
  'trading:get-state': { request: z.undefined(), response: tradingStateViewSchema },
  /** Clears the kill switch and the stop-out streak (the trader's explicit acknowledgement). */
  'trading:resume-trading': {
    request: z.object({ acknowledge: z.literal(true) }).strict(),
    response: tradingStateViewSchema,
  },
  'trading:list-positions': { request: z.undefined(), response: z.array(positionSchema) },
  'trading:list-orders': {
    request: z
      .object({
        scope: z.enum(['open', 'recent']).default('open'),
        symbol: symbolSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    response: z.array(orderSchema),
  },
  'trading:query-journal': {
    request: z
      .object({
        kind: journalKindSchema.optional(),
        symbol: symbolSchema.optional(),
        clientOid: clientOidSchema.optional(),
        sinceMs: epochMsSchema.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    response: z.array(journalEntrySchema),
  },
  /** Every live trailing stop (as persisted; resumed ones included), for the chart and the positions view (ADR 0510). */
  'trading:get-trailing': {
    request: z.object({ symbol: symbolSchema.optional() }).strict(),
    response: z.array(trailingStateSchema),
  },
} as const satisfies ChannelMap;

/** A position's protection changed (badge: PROTECTED, or NAKED for n seconds). */
export const protectionChangedSchema = z.object({
  symbol: symbolSchema,
  status: protectionStatusSchema,
  positionLots: z.number().int().nonnegative(),
  stopLots: z.number().int().nonnegative(),
  /** Seconds without full exchange-side cover (0 when PROTECTED). */
  nakedForS: z.number().nonnegative(),
  at: epochMsSchema,
});

/** The trading state changed. */
export const stateChangedSchema = z.object({
  state: tradingStateSchema,
  previous: tradingStateSchema,
  reason: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  at: epochMsSchema,
});

/** Mark price is getting close to the liquidation price. */
export const liquidationWarningSchema = z.object({
  symbol: symbolSchema,
  level: z.enum(['warning', 'critical', 'cleared']),
  distancePct: z.number(),
  distanceAtr: z.number().optional(),
  markPrice: z.string(),
  liquidationPrice: z.string(),
  at: epochMsSchema,
});

/** Why a trailing stop's state was published (ADR 0510). */
export const trailingChangeSchema = z.enum([
  'set',
  'moved',
  'activated',
  'best-price',
  'stop-moved',
  'cleared',
  'resumed',
]);
export type TrailingChange = z.infer<typeof trailingChangeSchema>;

/**
 * A trailing stop was set, moved, activated or cleared, or resumed after a restart (ADR 0510).
 * `trailing` is the whole state (spec, stop price = the trail level, activated) or `null` once cleared.
 */
export const trailingUpdatedSchema = z.object({
  symbol: symbolSchema,
  change: trailingChangeSchema,
  trailing: trailingStateSchema.nullable(),
  at: epochMsSchema,
});
export type TrailingUpdated = z.infer<typeof trailingUpdatedSchema>;

export const tradingEvents = {
  'trading:order-updated': orderSchema,
  'trading:position-updated': z.object({
    symbol: symbolSchema,
    position: positionSchema.nullable(),
    at: epochMsSchema,
  }),
  'trading:protection-changed': protectionChangedSchema,
  'trading:state-changed': stateChangedSchema,
  'trading:liquidation-warning': liquidationWarningSchema,
  'trading:trailing-updated': trailingUpdatedSchema,
} as const satisfies EventMap;

export { riskDenialSchema };
