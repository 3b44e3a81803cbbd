/**
 * Notices positions that grow, shrink or close, and says why (ADR 0305, 0333, 0342): our stop, our
 * take-profit, our close, a liquidation, an auto-deleverage, or something else (a manual close on the website). The fills
 * of the change are read and journaled; a reduction's realised PnL is its closing fills' PnL minus
 * their exit fees minus the share of the opening fees the closed lots carry (plus, on a full close,
 * the funding the position settled, for the record). Growth adds its opening fees to the ledger.
 */
import { add, dec, div, format, mul, sub, type Dec, ZERO } from '../../../shared/domain/decimal.ts';
import type { KucoinFill } from '../../exchange/kucoin/schemas/orders.ts';
import { raiseAlert, type TradingDeps } from '../deps.ts';
import { fillTimeMs } from '../orders/order-fills.ts';
import type { ExchangePosition } from '../wire-map.ts';
import {
  advanceCursor,
  fillsOfChange,
  freshFills,
  splitFills,
  totals,
  type FillPart,
} from './fill-window.ts';
import { addOpeningFees, takeShare } from './position-ledger.ts';

/** Why a position shrank. */
export type CloseCause = 'stop' | 'take-profit' | 'close' | 'liquidation' | 'adl' | 'external';

/** A detected reduction. */
export interface PositionReduction {
  readonly symbol: string;
  readonly cause: CloseCause;
  readonly closedLots: number;
  /** Trade PnL of the closed lots plus, on a full close, the position's funding (the journal's figure). */
  readonly realisedPnl: string;
  /** Closing fills' PnL − exit fees − the closed lots' share of the opening fees (what the loss guard counts). */
  readonly tradePnl: string;
  /** Funding the position settled over its life (full close only, else 0; counted as it settled). */
  readonly fundingPnl: string;
  readonly fullyClosed: boolean;
}

const tradeTypes = new Set(['trade', 'liquid', 'adl', 'settlement']);

function causeOf(deps: TradingDeps, fills: readonly KucoinFill[]): CloseCause {
  if (fills.some((f) => f.tradeType === 'liquid')) return 'liquidation';
  if (fills.some((f) => f.tradeType === 'adl')) return 'adl';
  const ours = deps.journal.recentOrders(500).filter((o) => o.exchangeOrderId !== undefined);
  const byId = new Map(ours.map((o) => [o.exchangeOrderId, o]));
  const purposes = fills.map((f) => byId.get(f.orderId)?.purpose);
  if (purposes.includes('stop')) return 'stop';
  if (purposes.includes('take-profit')) return 'take-profit';
  if (purposes.includes('close')) return 'close';
  return 'external';
}

/** PnL of the closing parts against `entry`, net of their own fees. Unknown entry → the fees only. */
function closingPnl(
  side: 'long' | 'short',
  entry: Dec | undefined,
  closing: readonly FillPart[],
  multiplier: Dec,
): Dec {
  let pnl: Dec = ZERO;
  for (const p of closing) {
    if (entry !== undefined) {
      const diff = side === 'long' ? sub(dec(p.fill.price), entry) : sub(entry, dec(p.fill.price));
      pnl = add(pnl, mul(mul(diff, dec(p.lots)), multiplier));
    }
    pnl = sub(pnl, p.fee);
  }
  return pnl;
}

function journalFills(deps: TradingDeps, fills: readonly KucoinFill[]): void {
  for (const f of fills) {
    deps.journal.recordFill({
      tradeId: f.tradeId,
      exchangeOrderId: f.orderId,
      symbol: f.symbol,
      side: f.side,
      sizeLots: f.size,
      price: f.price,
      fee: f.fee ?? '0',
      liquidity: f.liquidity === 'maker' ? 'maker' : 'taker',
      tradeType: (tradeTypes.has(f.tradeType ?? '') ? f.tradeType : 'trade') as 'trade',
      at: fillTimeMs(f.createdAt ?? f.tradeTime ?? deps.now()),
    });
  }
}

/**
 * Explains how a symbol's position changed since `sinceMs`: reads the fills after its cursor,
 * journals them, adds the opening lots' fees to the position's ledger, and returns the reduction
 * when lots were closed.
 * @throws the client's error when the fills cannot be read (the caller retries on the next pass).
 */
export async function accountPositionChange(
  deps: TradingDeps,
  previous: ExchangePosition | undefined,
  current: ExchangePosition | undefined,
  sinceMs: number,
): Promise<PositionReduction | undefined> {
  const symbol = previous?.symbol ?? current?.symbol ?? '';
  const cursor = deps.settings.get('fills-cursor', symbol);
  const page = await deps.rest.listFills(
    { symbol, startAtMs: Math.min(cursor?.atMs ?? Number.POSITIVE_INFINITY, sinceMs - 5000), pageSize: 200 },
    { lane: 'protective' },
  );
  journalFills(deps, page.items);
  const before = previous === undefined ? undefined : { side: previous.side, lots: previous.sizeLots };
  const after = current === undefined ? undefined : { side: current.side, lots: current.sizeLots };
  const fresh = fillsOfChange(freshFills(deps, symbol, page.items), before, after);
  const { closing, opening } = splitFills(fresh, before);
  const side = previous?.side ?? current?.side ?? (fresh[0]?.side === 'sell' ? 'short' : 'long');
  // Lots opened on the side being closed are in the ledger before the reduction takes its share;
  // lots of a new position after a flip join the ledger of that new position afterwards.
  const added = totals(opening.filter((p) => sideOf(p) === side));
  const flipped = totals(opening.filter((p) => sideOf(p) !== side));
  if (added.lots > 0) addOpeningFees(deps, symbol, side, added.lots, added.fee);
  // The closing parts' entry: the previous position's, blended with what opened on its side in this window.
  const entryBase =
    previous?.avgEntryPrice === undefined
      ? undefined
      : { lots: previous.sizeLots, value: mul(dec(previous.avgEntryPrice), dec(previous.sizeLots)) };
  const reduction =
    closing.length === 0
      ? undefined
      : reductionOf(deps, {
          symbol,
          side,
          previous,
          current,
          closing,
          entry: blendedEntry(entryBase, added),
        });
  if (flipped.lots > 0 && current !== undefined)
    addOpeningFees(deps, symbol, current.side, flipped.lots, flipped.fee);
  advanceCursor(deps, symbol, fresh);
  return reduction;
}

const sideOf = (p: FillPart): 'long' | 'short' => (p.fill.side === 'buy' ? 'long' : 'short');

function blendedEntry(
  base: { lots: number; value: Dec } | undefined,
  opened: { lots: number; priceTimesLots: Dec },
): Dec | undefined {
  const lots = (base?.lots ?? 0) + opened.lots;
  if (lots === 0) return undefined;
  return div(add(base?.value ?? ZERO, opened.priceTimesLots), dec(lots), 8, 'half-up');
}

interface ReductionInput {
  readonly symbol: string;
  readonly side: 'long' | 'short';
  readonly previous: ExchangePosition | undefined;
  readonly current: ExchangePosition | undefined;
  readonly closing: readonly FillPart[];
  readonly entry: Dec | undefined;
}

function reductionOf(deps: TradingDeps, input: ReductionInput): PositionReduction {
  const { symbol, side, current, closing } = input;
  const closedLots = totals(closing).lots;
  const fullyClosed = current?.side !== side;
  const cause = causeOf(
    deps,
    closing.map((p) => p.fill),
  );
  const multiplier = deps.contracts.get(symbol)?.prepared.multiplier ?? dec('1');
  const share = takeShare(deps, symbol, side, closedLots, fullyClosed);
  const openingShare = share.openingFeeUsdt;
  const tradePnl = sub(closingPnl(side, input.entry, closing, multiplier), openingShare);
  // The funding counted as it settled (funding.ts), not the last `posFunding` seen, which may lag.
  const funding = share.fundingUsdt;
  const reduction: PositionReduction = {
    symbol,
    cause,
    closedLots,
    fullyClosed,
    realisedPnl: format(add(tradePnl, funding), 8),
    tradePnl: format(tradePnl, 8),
    fundingPnl: format(funding, 8),
  };
  deps.journal.append(
    'position-event',
    {
      event: fullyClosed ? 'closed' : 'reduced',
      cause,
      closedLots,
      realisedPnl: reduction.realisedPnl,
      tradePnl: reduction.tradePnl,
      openingFeeShare: format(openingShare, 8),
      fundingPnl: reduction.fundingPnl,
      markPrice: input.previous?.markPrice ?? current?.markPrice ?? null,
    },
    { symbol },
  );
  if (cause === 'liquidation' || cause === 'adl' || cause === 'external') {
    const severity = cause === 'external' ? 'warning' : 'critical';
    raiseAlert(
      deps,
      severity,
      `position-${cause}`,
      `${symbol}: ${closedLots} lots of the ${side} position were closed by ${cause === 'external' ? 'something other than Bulwark' : cause}`,
      symbol,
      { closedLots, realisedPnl: reduction.realisedPnl },
    );
  }
  return reduction;
}
