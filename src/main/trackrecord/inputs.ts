/**
 * What the track record is computed from: the journal's facts, already parsed (read-journal.ts),
 * so the computation is pure and can be checked against a series written by hand.
 */
import type { Dec } from '../../shared/domain/decimal.ts';

/** A fill as journaled (the `fill` events), with the stop of the order it belongs to when that is ours. */
export interface RecordFill {
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly lots: number;
  /** Decimal string. */
  readonly price: string;
  /** Decimal string, USDT; negative for a rebate. */
  readonly fee: string;
  readonly at: number;
  /** The protective stop the order was placed with (an entry's `stopPrice` in the journal). */
  readonly stopPrice?: string | undefined;
}

/** A funding settlement (`position-event` `funding`): positive = received. */
export interface RecordFunding {
  readonly symbol: string;
  readonly at: number;
  readonly fundingUsdt: string;
}

/** A fact of the safety record, from the `stop`, `position-event`, `risk-decision` and `state-change` events. */
export type SafetyFact =
  /** The protection badge turned NAKED (no full exchange-side stop). */
  | { readonly kind: 'naked'; readonly symbol: string; readonly at: number }
  /** The badge left NAKED (PROTECTED or UNKNOWN), or the position closed. */
  | { readonly kind: 'covered'; readonly symbol: string; readonly at: number }
  | { readonly kind: 'denial'; readonly ruleId: string; readonly at: number }
  | { readonly kind: 'kill-switch'; readonly at: number }
  /** A trading-state trigger raised (`raised`) or cleared. */
  | { readonly kind: 'trigger'; readonly trigger: string; readonly raised: boolean; readonly at: number }
  | { readonly kind: 'emergency-close'; readonly symbol: string; readonly at: number };

/** Everything one computation needs. */
export interface RecordInputs {
  /** In journal order (time, then sequence). */
  readonly fills: readonly RecordFill[];
  readonly funding: readonly RecordFunding[];
  readonly safety: readonly SafetyFact[];
  /** Account equity when the first entry was checked (`risk-decision` allow), USDT. */
  readonly startingEquityUsdt: string | undefined;
  /** The contract multiplier of `symbol` (value of one lot per unit of price). @throws ValidationError when unknown. */
  readonly multiplierOf: (symbol: string) => Dec;
}
