/**
 * What an entry changes about its symbol's protection (ADR 0338), held in the journal until it is
 * due: a fresh entry's stop price and trailing apply once the exchange has accepted the entry; an
 * add's once it fills — then the position's stop becomes the tighter of its current stop and the
 * add's (loosening a stop is always the trader's explicit move, never a side effect of an add). An
 * entry refused, or cancelled without a fill, never moves a live stop. The take-profit follows the
 * same timing (ADR 0342): a fresh entry sets it, or clears it when it carries none; an add changes
 * it only when it carries one.
 */
import { cmp, dec } from '../../shared/domain/decimal.ts';
import { terminalOrderStatuses } from '../../shared/domain/order.ts';
import type { TradingRuntime } from './runtime.ts';
import type { SettingValue } from './settings.ts';
import { changeTakeProfit } from './take-profit/take-profit-setting.ts';

/** One held change. */
export type EntryIntent = SettingValue<'entry-intents'>[number];

/** Holds `intent` until it is due. */
export function addIntent(rt: TradingRuntime, intent: EntryIntent): void {
  const intents = rt.deps.settings.get('entry-intents') ?? [];
  rt.deps.settings.set('entry-intents', [...intents.filter((i) => i.clientOid !== intent.clientOid), intent]);
}

function tighter(side: 'long' | 'short', a: string, b: string): string {
  const order = cmp(dec(a), dec(b));
  return side === 'long' ? (order >= 0 ? a : b) : order <= 0 ? a : b;
}

function applyTakeProfit(rt: TradingRuntime, intent: EntryIntent): void {
  const price = intent.takeProfitPrice;
  // An add without a take-profit leaves the position's as it is; a fresh entry without one means none.
  if (price === undefined && intent.apply === 'on-fill') return;
  const next = price === undefined ? undefined : { price, side: intent.side };
  const why = intent.apply === 'on-accept' ? 'entry accepted' : 'add filled';
  changeTakeProfit(rt.deps, intent.symbol, next, why, intent.clientOid);
}

function apply(rt: TradingRuntime, intent: EntryIntent): void {
  const { settings, journal } = rt.deps;
  const position = rt.positions.get(intent.symbol);
  const current = settings.get('stop', intent.symbol);
  const keepCurrent = position?.side === intent.side && current?.side === intent.side;
  const price = keepCurrent ? tighter(intent.side, current.price, intent.stopPrice) : intent.stopPrice;
  settings.set('stop', { price, side: intent.side }, intent.symbol);
  applyTakeProfit(rt, intent);
  if (intent.trailing !== undefined) rt.trailing.set(intent.symbol, intent.side, price, intent.trailing);
  else if (keepCurrent && price !== current.price) rt.trailing.stopMoved(intent.symbol, price);
  journal.append(
    'stop',
    {
      action: 'entry-stop-applied',
      entry: intent.clientOid,
      stopPrice: price,
      asked: intent.stopPrice,
      rule: intent.apply,
    },
    { symbol: intent.symbol, clientOid: intent.clientOid },
  );
}

/** Applies every held change that is due, drops those that never will be. Cheap: journal reads only. */
export function applyEntryIntents(rt: TradingRuntime): void {
  const intents = rt.deps.settings.get('entry-intents') ?? [];
  if (intents.length === 0) return;
  const kept: EntryIntent[] = [];
  for (const intent of intents) {
    const order = rt.deps.journal.getOrder(intent.clientOid);
    if (
      order === undefined ||
      order.status === 'REJECTED' ||
      (terminalOrderStatuses.has(order.status) && order.filledLots === 0)
    )
      continue;
    const accepted = order.exchangeOrderId !== undefined || order.filledLots > 0;
    const due = intent.apply === 'on-accept' ? accepted : order.filledLots > 0;
    if (due) apply(rt, intent);
    else kept.push(intent);
  }
  if (kept.length !== intents.length) rt.deps.settings.set('entry-intents', kept);
}
