// The order tracker's dependencies, in their own file so order-reconcile.ts can name them without
// importing the tracker (no import cycle).
import type { TradingConfig } from '../../config/sections/trading.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Journal } from '../../store/journal.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import type { TradingRest } from '../client-port.ts';

/** Dependencies. */
export interface OrderTrackerOptions {
  readonly rest: TradingRest;
  readonly journal: Journal;
  readonly config: TradingConfig['orders'];
  readonly now: () => number;
  readonly logger: Logger;
  /** Every change of an order (journaled already). */
  readonly onUpdate: (order: JournalOrder) => void;
  /** A confirmed order differs from what we asked for. */
  readonly onMismatch: (order: JournalOrder, problem: string) => void;
  /** An order could not be resolved within `reconcileGiveUpMs`; it stays UNKNOWN. */
  readonly onGaveUp: (order: JournalOrder, reason: string) => void;
  /** Whether an order proven absent may be resent; throws (with the reason) when not. */
  readonly mayResend: (order: JournalOrder) => Promise<void>;
}
