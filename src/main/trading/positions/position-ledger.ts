/**
 * What the current position of a symbol has cost so far beyond its fills' prices (ADR 0333): the
 * fees paid to open it and the funding settled on it, kept in the journal so a restart keeps them.
 * A reduction's realised PnL takes its share of the opening fees (not only its exit fee); a full
 * close takes the rest and the funding, so its realised PnL is what the position really made.
 */
import { add, dec, div, format, mul, sub, type Dec, ZERO } from '../../../shared/domain/decimal.ts';
import type { TradingDeps } from '../deps.ts';

type Side = 'long' | 'short';

function ledgerOf(
  deps: TradingDeps,
  symbol: string,
  side: Side,
): { side: Side; lots: number; feeUsdt: string; fundingUsdt: string } {
  const stored = deps.settings.get('position-ledger', symbol);
  return stored?.side === side ? stored : { side, lots: 0, feeUsdt: '0', fundingUsdt: '0' };
}

/** Adds `lots` opened on `side` and the fee paid for them. */
export function addOpeningFees(deps: TradingDeps, symbol: string, side: Side, lots: number, fee: Dec): void {
  const ledger = ledgerOf(deps, symbol, side);
  deps.settings.set(
    'position-ledger',
    { ...ledger, lots: ledger.lots + lots, feeUsdt: format(add(dec(ledger.feeUsdt), fee), 8) },
    symbol,
  );
}

/** Adds a funding settlement (signed USDT) of a position of `side`. */
export function addFunding(deps: TradingDeps, symbol: string, side: Side, fundingUsdt: string): void {
  const ledger = ledgerOf(deps, symbol, side);
  deps.settings.set(
    'position-ledger',
    { ...ledger, fundingUsdt: format(add(dec(ledger.fundingUsdt), dec(fundingUsdt)), 8) },
    symbol,
  );
}

/**
 * Takes the share of the opening fees that `closedLots` carry (all of it, and the funding, on a
 * full close), leaving the rest for the lots still open.
 */
export function takeShare(
  deps: TradingDeps,
  symbol: string,
  side: Side,
  closedLots: number,
  fullyClosed: boolean,
): { openingFeeUsdt: Dec; fundingUsdt: Dec } {
  const stored = deps.settings.get('position-ledger', symbol);
  if (stored?.side !== side) return { openingFeeUsdt: ZERO, fundingUsdt: ZERO };
  const total = dec(stored.feeUsdt);
  if (fullyClosed || closedLots >= stored.lots) {
    deps.settings.clear('position-ledger', symbol);
    return { openingFeeUsdt: total, fundingUsdt: fullyClosed ? dec(stored.fundingUsdt) : ZERO };
  }
  const share = div(mul(total, dec(closedLots)), dec(stored.lots), 8, 'half-up');
  deps.settings.set(
    'position-ledger',
    { ...stored, lots: stored.lots - closedLots, feeUsdt: format(sub(total, share), 8) },
    symbol,
  );
  return { openingFeeUsdt: share, fundingUsdt: ZERO };
}
