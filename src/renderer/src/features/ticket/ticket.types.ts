import type { RequestOf, ResponseOf } from '../../bridge/index.ts';

/** What `trading:preview-order` and `trading:place-order` accept: an entry with its stop. */
export type OrderTicket = RequestOf<'trading:preview-order'>;
/** The risk engine's preview of a ticket. */
export type RiskPreview = ResponseOf<'trading:preview-order'>;
/** The answer to a placed order. */
export type PlacedOrder = ResponseOf<'trading:place-order'>;

/** Trailing distance kinds the ticket offers (mirrors `trailingSpecSchema.mode`). */
export type TrailingMode = 'percent' | 'price' | 'atr';

/** The ticket as typed: raw strings straight from the inputs, parsed by {@link validateTicket}. */
export interface TicketForm {
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly type: 'limit' | 'market';
  readonly sizeLots: string;
  /** Limit price; ignored for market orders. */
  readonly price: string;
  readonly leverage: string;
  /** The protective stop's trigger price. Mandatory. */
  readonly stopPrice: string;
  /** The optional take-profit's trigger price (empty = none). */
  readonly takeProfitPrice: string;
  readonly trailingEnabled: boolean;
  readonly trailingMode: TrailingMode;
  readonly trailingDistance: string;
  /** Optional: trailing starts once the mark reaches this price (empty = trail at once). */
  readonly trailingActivationPrice: string;
}

/** How the trader states the size: whole lots, or a notional in USDT turned into lots. */
export type SizeMode = 'lots' | 'usdt';

/**
 * What the trader typed, kept in the ticket store across page switches and remounts. The symbol
 * is not here: it lives in settings, shared with the chart.
 */
export type TicketDraft = Omit<TicketForm, 'symbol'> & {
  readonly sizeMode: SizeMode;
  /** Notional in USDT, as typed; used only when `sizeMode` is `usdt`. */
  readonly sizeUsdt: string;
  /** How the trader states the stop: a price, or a distance in % from the entry. */
  readonly stopMode: StopMode;
  /** The stop's distance from the entry in %, as typed; used only when `stopMode` is `percent`. */
  readonly stopPct: string;
};

/** How the trader states the stop: a trigger price, or a distance from the entry in %. */
export type StopMode = 'price' | 'percent';

/** A change the trader made: draft fields, or the symbol (kept in settings with the chart). */
export type TicketPatch = Partial<TicketDraft> & { readonly symbol?: string };

/** Contract facts the ticket can check locally when the engine has told us them. */
export interface TicketContractRules {
  readonly tickSize: string;
  readonly maxLeverage: number;
  readonly maxOrderQtyLots: number;
  /** Coins per lot, decimal string (sizing fallback). */
  readonly multiplier: string;
  /** Taker fee rate, decimal string (sizing fallback). */
  readonly takerFeeRate: string;
}

/** Everything besides the form that validation looks at. */
export interface TicketContext {
  readonly contract: TicketContractRules | undefined;
  /** Mark/last price for a market order's stop-side check; undefined when unknown. */
  readonly referencePrice: string | undefined;
  /** The trader's own leverage cap (setting `trading.risk.userMaxLeverage`), when main has told us it. */
  readonly userMaxLeverage?: number;
}

/** A field the trader must fix, with the sentence to show under it. */
export interface TicketProblem {
  readonly field: keyof TicketForm;
  readonly message: string;
}

/** A ticket that can be sent, or the list of things to fix first. */
export type TicketValidation =
  | { readonly ok: true; readonly ticket: OrderTicket }
  | { readonly ok: false; readonly problems: readonly TicketProblem[] };
