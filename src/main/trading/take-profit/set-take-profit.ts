/**
 * The trader sets, changes or removes a position's take-profit (`trading:set-take-profit`, ADR
 * 0342). A new price is checked before anything is sent — on the contract's tick and on the
 * profit side of the mark — then the setting changes (journaled, old and new) and the take-profit
 * at the exchange follows at once: the new one first, the old one cancelled after. If the new one
 * cannot be placed, the old setting comes back and the old order stays.
 */
import { cmp, dec, format, isMultipleOf } from '../../../shared/domain/decimal.ts';
import { OrderRejectedError, RiskRejectedError, ValidationError } from '../../../shared/errors.ts';
import { fetchLiveStops } from '../protection/live-stops.ts';
import type { TradingRuntime } from '../runtime.ts';
import type { ExchangePosition } from '../wire-map.ts';
import { keepTakeProfit } from './take-profit-keeper.ts';
import { changeTakeProfit } from './take-profit-setting.ts';

async function markOf(rt: TradingRuntime, position: ExchangePosition): Promise<string> {
  return (
    position.markPrice ?? (await rt.deps.rest.getMarkPrice(position.symbol, { lane: 'protective' })).value
  );
}

/** A take-profit price must be on the tick and beyond the mark on the profit side. */
async function checkTakeProfit(rt: TradingRuntime, position: ExchangePosition, price: string): Promise<void> {
  const target = dec(price);
  const known = rt.deps.contracts.get(position.symbol);
  if (known !== undefined && !isMultipleOf(target, known.prepared.tickSize)) {
    throw new RiskRejectedError(
      'risk-tick-size',
      `take-profit ${price} is not a multiple of the tick size ${format(known.prepared.tickSize)}; round it to the tick`,
      { details: { ruleId: 'tick-size', takeProfitPrice: price } },
    );
  }
  const mark = await markOf(rt, position);
  const long = position.side === 'long';
  const order = cmp(target, dec(mark));
  if (long ? order > 0 : order < 0) return;
  throw new RiskRejectedError(
    'risk-take-profit-side',
    `take-profit ${price} must be ${long ? 'above' : 'below'} mark ${mark} for a ${position.side}: move it to the profit side, or close the position instead`,
    { details: { ruleId: 'take-profit-side', takeProfitPrice: price, markPrice: mark } },
  );
}

/**
 * Sets the symbol's take-profit to `price`, or removes it when `price` is undefined.
 * @throws ValidationError without a position (a removal without one only clears the setting);
 *   RiskRejectedError for a price off the tick or on the wrong side; OrderRejectedError when the
 *   exchange refuses the new take-profit (the old one stays).
 */
export async function setTakeProfit(
  rt: TradingRuntime,
  symbol: string,
  price: string | undefined,
): Promise<{ takeProfitPrice: string | null }> {
  const { deps } = rt;
  const position = rt.positions.get(symbol);
  if (position === undefined) {
    if (price === undefined) {
      changeTakeProfit(deps, symbol, undefined, 'removed by the trader');
      return { takeProfitPrice: null };
    }
    throw new ValidationError('no-position', `there is no open ${symbol} position to take profit on`, {
      details: { symbol },
    });
  }
  if (price !== undefined) await checkTakeProfit(rt, position, price);
  const old = deps.settings.get('take-profit', symbol);
  const next = price === undefined ? undefined : { price, side: position.side };
  changeTakeProfit(deps, symbol, next, price === undefined ? 'removed by the trader' : 'set by the trader');
  const stops = (await fetchLiveStops(deps.rest, deps.journal, { lane: 'protective' })).get(symbol) ?? [];
  const covered = rt.watchdog.protection(symbol).status === 'PROTECTED';
  const result = await keepTakeProfit(deps, position, stops, { covered, wait: true });
  if (result.failedReason !== undefined && result.placedClientOid === undefined) {
    changeTakeProfit(deps, symbol, old, 'the new take-profit could not be placed');
    throw new OrderRejectedError(
      'take-profit-failed',
      `the take-profit could not be placed (${result.failedReason}); the previous one stays`,
      { details: { symbol, takeProfitPrice: price ?? null } },
    );
  }
  return { takeProfitPrice: price ?? null };
}
