import { z } from 'zod';
import type { MarginMode, VenueExchange } from '../../core/index.ts';
import { invalidParameter, refusalOf } from '../kucoin-errors.ts';

const bodySchema = z.object({
  marginMode: z.enum(['ISOLATED', 'CROSS']),
  symbols: z.array(z.string().min(1)).min(1).max(50),
});

/** One symbol the batch could not switch (SPEC-POS example: 50002 exist.order.or.position). */
interface BatchError {
  code: string;
  msg: string;
  symbol: string;
}

/**
 * POST /api/v2/position/batchChangeMarginMode (§3.4): switches each symbol through the core's
 * single-symbol change; a refused symbol keeps its mode and is listed in `errors`.
 */
export function batchChangeMarginMode(exchange: VenueExchange, userId: string, body: unknown): unknown {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success)
    invalidParameter('marginMode must be ISOLATED or CROSS and symbols a list of 1 to 50 symbols.');
  const { marginMode, symbols } = parsed.data;
  const modes: Record<string, MarginMode> = {};
  const errors: BatchError[] = [];
  for (const symbol of symbols) {
    try {
      modes[symbol] = exchange.setMarginMode(userId, { symbol, marginMode }).marginMode;
    } catch (error) {
      const refused = refusalOf(error);
      if (refused === undefined) throw error;
      errors.push({ code: refused.code, msg: refused.msg, symbol });
      if (refused.code !== '100003') modes[symbol] = exchange.marginMode(userId, symbol).marginMode;
    }
  }
  return { marginMode: modes, errors };
}
