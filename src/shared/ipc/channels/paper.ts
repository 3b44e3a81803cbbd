/**
 * Paper account channels (ADR 0160). The paper account lives at the in-app paper venue and
 * survives restarts; `paper:reset-account` replaces it with a fresh one. The reset is refused
 * (code `paper-account-not-flat`) while a position or an order is open — the trader closes them
 * first (the kill switch does both) — and outside paper mode (code `not-paper-mode`).
 */
import { z } from 'zod';
import type { ChannelMap, EventMap } from '../define.ts';
import { decimalSchema, epochMsSchema } from '../../domain/primitives.ts';

/** A reset: the balance the fresh paper account starts with, in USDT (at most a billion). */
export const paperResetRequestSchema = z
  .object({
    startingBalanceUsdt: decimalSchema.refine((text) => Number(text) > 0 && Number(text) <= 1_000_000_000, {
      message: 'The starting balance is a USDT amount above 0 and at most 1000000000, e.g. 10000.',
    }),
  })
  .strict();
/** A reset request. */
export type PaperResetRequest = z.input<typeof paperResetRequestSchema>;

/** The fresh account: its balance and when it was opened. */
export const paperResetResultSchema = z.object({ balanceUsdt: z.string(), resetAt: epochMsSchema }).strict();
/** The fresh account. */
export type PaperResetResult = z.infer<typeof paperResetResultSchema>;

/** Paper account channels. */
export const paperChannels = {
  'paper:reset-account': { request: paperResetRequestSchema, response: paperResetResultSchema },
} as const satisfies ChannelMap;

/** Paper account events: `paper:account-reset` after a reset, so every view re-reads the account. */
export const paperEvents = {
  'paper:account-reset': paperResetResultSchema,
} as const satisfies EventMap;
