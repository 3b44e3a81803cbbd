/**
 * A symbol's margin mode (KuCoin keeps ISOLATED or CROSS per symbol: GET/POST
 * /api/v2/position/getMarginMode, changeMarginMode). Every order carries the symbol's actual mode —
 * an order whose mode does not match is refused by KuCoin (330005) — and the mode can change only
 * while the symbol has no position and no open order, which is checked here before asking KuCoin.
 */
import type { MarginMode } from '../../../shared/domain/position.ts';
import { ValidationError } from '../../../shared/errors.ts';
import type { MarginModeView } from '../../../shared/ipc/channels/trading.ts';
import type { TradingRuntime } from '../runtime.ts';

/** The symbol's margin mode as the exchange has it now (the position's own mode when one is open). */
export async function currentMarginMode(rt: TradingRuntime, symbol: string): Promise<MarginMode> {
  const position = rt.positions.get(symbol);
  if (position !== undefined) return position.marginMode;
  return (await rt.deps.rest.getMarginMode(symbol)).marginMode;
}

async function blockers(rt: TradingRuntime, symbol: string): Promise<string | undefined> {
  const { rest } = rt.deps;
  const [positions, open, stops] = await Promise.all([
    rest.listPositions(),
    rest.listOpenOrders({ symbol, pageSize: 1 }),
    rest.listStopOrders({ symbol, pageSize: 1 }),
  ]);
  const position = positions.find((p) => p.symbol === symbol && p.isOpen && p.currentQty !== 0);
  if (position !== undefined)
    return `the ${symbol} position (${Math.abs(position.currentQty)} lots) is open; close it first`;
  const orders = open.totalNum + stops.totalNum;
  if (orders > 0)
    return `${symbol} has ${orders} open order${orders === 1 ? '' : 's'}; cancel ${orders === 1 ? 'it' : 'them'} first`;
  return undefined;
}

/** What the ticket shows: the mode, and whether (and why not) it can change now. */
export async function marginModeView(rt: TradingRuntime, symbol: string): Promise<MarginModeView> {
  const [marginMode, reason] = await Promise.all([currentMarginMode(rt, symbol), blockers(rt, symbol)]);
  return {
    symbol,
    marginMode,
    changeable: reason === undefined,
    ...(reason === undefined ? {} : { reason }),
  };
}

/**
 * Changes the symbol's margin mode at the exchange.
 * @throws ValidationError `margin-mode-locked` (with the reason) while a position or order is open.
 */
export async function changeMarginMode(
  rt: TradingRuntime,
  symbol: string,
  marginMode: MarginMode,
): Promise<MarginModeView> {
  const reason = await blockers(rt, symbol);
  const before = await currentMarginMode(rt, symbol);
  if (before === marginMode)
    return {
      symbol,
      marginMode,
      changeable: reason === undefined,
      ...(reason === undefined ? {} : { reason }),
    };
  if (reason !== undefined) {
    throw new ValidationError(
      'margin-mode-locked',
      `The margin mode of ${symbol} cannot change now: ${reason}.`,
      { details: { symbol, marginMode: before } },
    );
  }
  const changed = await rt.deps.rest.changeMarginMode(symbol, marginMode);
  rt.deps.journal.append(
    'position-event',
    { event: 'margin-mode-changed', from: before, to: changed.marginMode },
    { symbol },
  );
  return { symbol, marginMode: changed.marginMode, changeable: true };
}
