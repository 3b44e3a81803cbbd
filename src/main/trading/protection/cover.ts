/**
 * A position's cover as the watchdog sees it (ADR 0331): the loss-side stops, split into ours and
 * foreign; the take-profits (shown, never counted); and the stop price the position should have.
 * A stop attached to one of our entries that is still resting unfilled belongs to that entry and
 * is left out entirely — never counted for the position, never cancelled by the watchdog.
 */
import {
  add,
  cmp,
  dec,
  div,
  format,
  mul,
  roundToTick,
  sub,
  type Dec,
} from '../../../shared/domain/decimal.ts';
import { terminalOrderStatuses } from '../../../shared/domain/order.ts';
import { raiseAlert, type TradingDeps } from '../deps.ts';
import type { ExchangePosition } from '../wire-map.ts';
import { stopRole, type SidedStop } from './live-stops.ts';
import { protectiveStopPrice, type Cover, type LiveStop } from './stop-plan.ts';

const HUNDRED: Dec = { m: 100n, s: 0 };

/** The cover of one position. */
export interface PositionCover extends Cover {
  /** Lots covered by loss-side stops, ours and foreign (closeOrder stops cover the whole position). */
  readonly coveredLots: number;
  readonly takeProfits: { stopPrice: string; sizeLots: number }[];
  /** The most protective live loss-side stop price (what the badge shows). */
  readonly displayPrice: string | undefined;
}

/** A limit entry still working with nothing filled (a market entry never rests, whatever the journal has seen yet). */
function restingEntry(deps: TradingDeps, clientOid: string): boolean {
  const entry = deps.journal.getOrder(clientOid);
  return entry?.type === 'limit' && !terminalOrderStatuses.has(entry.status) && entry.filledLots === 0;
}

/** Classifies the symbol's live stops for `position`. */
export function coverOf(
  deps: TradingDeps,
  position: ExchangePosition,
  stops: readonly SidedStop[],
): PositionCover {
  const loss: SidedStop[] = [];
  const takeProfits: { stopPrice: string; sizeLots: number }[] = [];
  for (const stop of stops) {
    if (stop.symbol !== position.symbol) continue;
    const role = stopRole(stop, position.side);
    if (role === 'take-profit')
      takeProfits.push({
        stopPrice: stop.stopPrice,
        sizeLots: stop.closesAll ? position.sizeLots : stop.sizeLots,
      });
    if (role !== 'loss-side') continue;
    if (stop.parentClientOid !== undefined && restingEntry(deps, stop.parentClientOid)) continue;
    loss.push(stop.closesAll ? { ...stop, sizeLots: position.sizeLots } : stop);
  }
  const ours = loss.filter((stop) => stop.ours);
  const foreign = loss.filter((stop) => !stop.ours);
  const coveredLots = loss.reduce((sum, stop) => sum + stop.sizeLots, 0);
  return {
    ours,
    foreign,
    coveredLots,
    takeProfits,
    displayPrice: protectiveStopPrice(position.side, loss, undefined),
  };
}

/** Whether a stop at `target` would already have triggered at the position's (known) mark. */
export function isCrossed(position: ExchangePosition, target: string): boolean {
  if (position.markPrice === undefined) return false;
  const order = cmp(dec(target), dec(position.markPrice));
  return position.side === 'long' ? order >= 0 : order <= 0;
}

async function markOf(deps: TradingDeps, position: ExchangePosition): Promise<string | undefined> {
  if (position.markPrice !== undefined) return position.markPrice;
  try {
    return (await deps.rest.getMarkPrice(position.symbol, { lane: 'protective' })).value;
  } catch (error) {
    deps.logger.warn('mark-unreadable', { symbol: position.symbol, error: String(error) });
    return undefined;
  }
}

/**
 * The stop price the position should have: the trader's (journaled once the exchange accepted the
 * entry), else the most protective live loss-side stop, else a default `adoptedPositionStopPct`
 * from the mark (journaled and alerted). `undefined` when none can be had (no mark readable).
 */
export async function targetStopPrice(
  deps: TradingDeps,
  position: ExchangePosition,
  live: readonly LiveStop[],
): Promise<string | undefined> {
  const setting = deps.settings.get('stop', position.symbol);
  if (setting?.side === position.side) return setting.price;
  const best = protectiveStopPrice(position.side, live, undefined);
  if (best !== undefined) return best;
  const mark = await markOf(deps, position);
  if (mark === undefined) return undefined;
  const tick = deps.contracts.get(position.symbol)?.prepared.tickSize ?? dec('0.1');
  const offset = div(mul(dec(mark), dec(deps.config.protection.adoptedPositionStopPct)), HUNDRED, 12, 'down');
  const long = position.side === 'long';
  const adopted = format(
    long
      ? roundToTick(sub(dec(mark), offset), tick, 'down')
      : roundToTick(add(dec(mark), offset), tick, 'up'),
  );
  deps.settings.set('stop', { price: adopted, side: position.side }, position.symbol);
  raiseAlert(
    deps,
    'warning',
    'position-adopted',
    `${position.symbol}: a ${position.side} position without a loss-side stop was found; stop set at ${adopted}`,
    position.symbol,
    { stopPrice: adopted },
  );
  return adopted;
}
