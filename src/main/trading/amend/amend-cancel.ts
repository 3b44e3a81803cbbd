/**
 * The amend's cancel (ADR 0343): the old order is cancelled and the amend goes on only once the
 * exchange itself lists it as cancelled or filled. Until then nothing new may be placed — a
 * replacement beside an order still working could fill both.
 */
import { OrderUnknownError, TradingError } from '../../../shared/errors.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import type { TradingRuntime } from '../runtime.ts';

/** How the cancel ended, read back from the exchange. */
export type CancelOutcome =
  | { readonly kind: 'cancelled'; readonly order: JournalOrder }
  | { readonly kind: 'filled'; readonly order: JournalOrder }
  /** The exchange refused the cancel, or never confirmed it in time: the old order may still work. */
  | { readonly kind: 'not-confirmed'; readonly order: JournalOrder; readonly reason: string };

const why = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** An answer in so many words (not a timeout, a lost connection or an overload): the cancel did not happen. */
const answered = (error: unknown): boolean =>
  error instanceof TradingError && !error.retryable && !(error instanceof OrderUnknownError);

/** Sends the cancel; returns the exchange's refusal, if any (its answer is read back anyway). */
async function askCancel(rt: TradingRuntime, order: JournalOrder): Promise<unknown> {
  try {
    if (order.exchangeOrderId === undefined)
      await rt.deps.rest.cancelOrderByClientOid(order.clientOid, order.symbol);
    else await rt.deps.rest.cancelOrder(order.exchangeOrderId);
    return undefined;
  } catch (error) {
    rt.deps.logger.info('amend-cancel-answer', { clientOid: order.clientOid, error: why(error) });
    return error;
  }
}

/** Reads the order at the exchange once; a failed read keeps the journal's view. */
async function readBack(
  rt: TradingRuntime,
  order: JournalOrder,
): Promise<{ order: JournalOrder; failed?: string }> {
  try {
    return { order: await rt.deps.tracker.refresh(order.clientOid) };
  } catch (error) {
    return { order: rt.deps.journal.getOrder(order.clientOid) ?? order, failed: why(error) };
  }
}

/**
 * Cancels `order` and reads it back until the exchange says it is done, for at most
 * `confirmTimeoutMs`. A refusal the exchange answered in so many words (e.g. 100004 "not
 * cancelable" for an order that just filled) is read back once; a lost or unanswered cancel is
 * read back until the deadline, since it may still land.
 */
export async function cancelConfirmed(rt: TradingRuntime, order: JournalOrder): Promise<CancelOutcome> {
  const refusal = await askCancel(rt, order);
  const { confirmTimeoutMs, pollIntervalMs } = rt.deps.config.orders;
  const deadline = rt.deps.now() + confirmTimeoutMs;
  for (;;) {
    const read = await readBack(rt, order);
    if (read.order.status === 'FILLED') return { kind: 'filled', order: read.order };
    if (read.order.status === 'CANCELLED' || read.order.status === 'REJECTED')
      return { kind: 'cancelled', order: read.order };
    const definitive = answered(refusal) && read.failed === undefined;
    if (definitive || rt.deps.now() >= deadline || rt.stopped) {
      const reason =
        refusal !== undefined
          ? `the exchange refused the cancel: ${why(refusal)}`
          : (read.failed ?? `the exchange still lists it as working after ${String(confirmTimeoutMs)} ms`);
      return { kind: 'not-confirmed', order: read.order, reason };
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
  }
}
