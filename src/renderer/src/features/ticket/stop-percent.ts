import * as decimal from '../../../../shared/domain/decimal.ts';
import { isPrice } from '../../domain/wire-patterns.ts';
import type { TicketContext, TicketDraft } from './ticket.types.ts';

/** The stop price a distance in % gives, or why it cannot be worked out yet. */
export type StopFromPercent =
  { readonly ok: true; readonly stopPrice: string } | { readonly ok: false; readonly reason: string };

const pctPattern = /^\d{1,2}(\.\d{1,4})?$/;
/** Decimals kept when the contract's tick is not known yet (the engine checks the tick). */
const untickedScale = 8;

/**
 * "Stop 2 % from the entry": a long's stop that far below the entry, a short's that far above.
 * The entry is the limit price, or for a market order the reference (last) price, where it would
 * fill. On the tick grid it rounds toward the entry, so the loss at the stop is never more than
 * the trader said. Undefined while the stop is typed as a price.
 */
export function stopFromPercent(draft: TicketDraft, context: TicketContext): StopFromPercent | undefined {
  if (draft.stopMode !== 'percent') return undefined;
  const typed = draft.stopPct.trim();
  if (!pctPattern.test(typed) || !(Number(typed) > 0))
    return { ok: false, reason: 'The stop distance is a % above 0 and below 100, e.g. 1.5.' };
  const entry = draft.type === 'limit' ? draft.price.trim() : context.referencePrice;
  if (entry === undefined || !isPrice(entry))
    return {
      ok: false,
      reason:
        draft.type === 'limit'
          ? 'Type the limit price first: the stop is worked out from it.'
          : 'Waiting for the last price to work the stop out from.',
    };
  const long = draft.side === 'buy';
  const pct = decimal.dec(typed);
  const hundred = decimal.dec(100);
  const factor = long ? decimal.sub(hundred, pct) : decimal.add(hundred, pct);
  const raw = decimal.div(
    decimal.mul(decimal.dec(entry), factor),
    hundred,
    untickedScale,
    long ? 'up' : 'down',
  );
  const tick = context.contract?.tickSize;
  if (tick === undefined) return { ok: true, stopPrice: decimal.format(raw) };
  const grid = decimal.dec(tick);
  // Shown and sent with the tick's decimals, as the exchange quotes it ("88605.0").
  return {
    ok: true,
    stopPrice: decimal.format(decimal.roundToTick(raw, grid, long ? 'up' : 'down'), grid.s),
  };
}
