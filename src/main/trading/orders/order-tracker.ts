/**
 * The order lifecycle (ADR 0302, 0330; hummingbot/nautilus): journal first, then send; every
 * status change goes through the transition table (order-status.ts). An ambiguous send is UNKNOWN
 * → RECONCILING and is resolved by asking the exchange by clientOid (order-reconcile.ts); it is
 * resent — same clientOid, same bytes — only once proven absent over a configured span and only
 * if the engine still allows it. Never a second clientOid for one intent.
 */
import { ExchangeError, OrderUnknownError, TradingError } from '../../../shared/errors.ts';
import { terminalOrderStatuses } from '../../../shared/domain/order.ts';
import type { KucoinOrder } from '../../exchange/kucoin/schemas/orders.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import { isDuplicateClientOid, isOrderAbsent, statusFromWire } from '../wire-map.ts';
import { newClientOid } from './client-oid.ts';
import { checkAgainstRequest } from './order-confirm.ts';
import { recordOrderFills } from './order-fills.ts';
import { reconcileLoop, type ReconcileHost } from './order-reconcile.ts';
import type { OrderTrackerOptions } from './order-tracker-options.ts';
import { buildRequest, type BuiltRequest, type OrderSpec } from './order-request.ts';
import { causeForExchangeStatus, nextStatus, type OrderCause } from './order-status.ts';

export type { OrderTrackerOptions } from './order-tracker-options.ts';

/** Per-submit options that never reach the wire. */
export interface SubmitOptions {
  /** Called when the order reaches the front of the rate-limit queue; throwing keeps it from leaving. */
  readonly admit?: () => void;
}

/** The tracker's API. */
export interface OrderTracker {
  /** Journals and sends an order; resolves once it is ACKED, REJECTED or UNKNOWN (then reconciled in the background). */
  submit(spec: OrderSpec, options?: SubmitOptions): Promise<JournalOrder>;
  /** Asks the exchange once about an order and journals what changed; never waits for a reconciliation. */
  refresh(clientOid: string): Promise<JournalOrder>;
  /** Resolves an ambiguous order by clientOid within `reconcileGiveUpMs` (single-flight per order). */
  reconcile(clientOid: string, options?: ReconcileOptions): Promise<JournalOrder>;
  /** Records a cancellation the exchange confirmed in its answer. */
  markCancelled(clientOid: string, reason: string): JournalOrder;
  /** Cancels one order (by clientOid) and refreshes it. */
  cancel(clientOid: string): Promise<JournalOrder>;
  /**
   * Refreshes the open orders that changed (the polling fallback). Starts reconciliations in the
   * background instead of waiting for them, so a caller is never held up by one stuck order.
   * @param stopOrders - the exchange's untriggered stop orders when the caller has just read them.
   */
  pollOpen(stopOrders?: readonly KucoinOrder[]): Promise<void>;
  /** Journals an order the exchange created for one of ours (an st-order's attached stop). */
  adopt(order: JournalOrder): void;
  /** Stops background reconciliation and waits for the loops to end. */
  stop(): Promise<void>;
}

/** How an ambiguous order is resolved. */
export interface ReconcileOptions {
  /**
   * Resend (same clientOid, same bytes) once proven absent. Default true during a session; start-up
   * reconciliation passes false: an intent from before a crash is not replayed, it is reported.
   */
  readonly resubmit?: boolean;
}

/** Builds the tracker. */
export function createOrderTracker(options: OrderTrackerOptions): OrderTracker {
  return new Tracker(options);
}

const doubtful = new Set(['SUBMITTED', 'UNKNOWN', 'RECONCILING']);

class Tracker implements OrderTracker, ReconcileHost {
  readonly #o: OrderTrackerOptions;
  readonly #reconciling = new Map<string, Promise<JournalOrder>>();
  /** Orders whose placement request is on its way: only its answer (or its failure) resolves them. */
  readonly #sending = new Set<string>();
  readonly #lastUnknownCheck = new Map<string, number>();
  #stopped = false;

  constructor(options: OrderTrackerOptions) {
    this.#o = options;
  }

  get options(): OrderTrackerOptions {
    return this.#o;
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.allSettled([...this.#reconciling.values()]);
  }

  /**
   * Moves an order by `cause` (the transition table decides the status) and journals it. The move
   * starts from the order as the journal has it now, never from a caller's older copy, so two paths
   * resolving one order (a send timing out, a poll) cannot overwrite each other's step.
   */
  transition(order: JournalOrder, cause: OrderCause, changes: Partial<JournalOrder> = {}): JournalOrder {
    const base = this.#o.journal.getOrder(order.clientOid) ?? order;
    const status = nextStatus(base.status, cause);
    const next: JournalOrder = { ...base, ...changes, status, updatedAt: this.#o.now() };
    this.#o.journal.updateOrder(next);
    this.#o.journal.append(
      'order',
      { status, cause, filledLots: next.filledLots, reason: next.reason ?? null },
      { symbol: next.symbol, clientOid: next.clientOid },
    );
    this.#o.onUpdate(next);
    return next;
  }

  current(clientOid: string): JournalOrder {
    const order = this.#o.journal.getOrder(clientOid);
    if (order === undefined)
      throw new TradingError('order-not-found', `no order ${clientOid} in the journal`, {
        details: { clientOid },
      });
    return order;
  }

  async submit(spec: OrderSpec, options: SubmitOptions = {}): Promise<JournalOrder> {
    const now = this.#o.now();
    const clientOid = newClientOid(spec.purpose, now);
    const built = buildRequest(spec, clientOid);
    const stopPrice = spec.stopPrice ?? spec.attachedStopPrice;
    const order: JournalOrder = {
      clientOid,
      symbol: spec.symbol,
      side: spec.side,
      type: spec.type,
      purpose: spec.purpose,
      sizeLots: spec.sizeLots,
      filledLots: 0,
      leverage: spec.leverage,
      reduceOnly: spec.reduceOnly,
      status: 'NEW',
      requestJson: JSON.stringify(built),
      createdAt: now,
      updatedAt: now,
      stopAttachment: built.withStops ? 'attached' : 'separate',
      ...(spec.price === undefined ? {} : { price: spec.price }),
      ...(stopPrice === undefined ? {} : { stopPrice }),
      ...(spec.parentClientOid === undefined ? {} : { parentClientOid: spec.parentClientOid }),
    };
    // clientOid on disk before anything leaves the process (hummingbot: track before send). NEW and
    // SUBMITTED commit together (one fsync): on disk an order is either absent or possibly sent.
    const submitted = this.#o.journal.transaction(() => {
      this.#o.journal.insertOrder(order);
      this.#o.journal.append(
        'order',
        { status: 'NEW', request: built.request },
        { symbol: order.symbol, clientOid },
      );
      return this.transition(order, 'sent');
    });
    return this.send(submitted, built, options.admit);
  }

  async send(order: JournalOrder, built: BuiltRequest, admit?: () => void): Promise<JournalOrder> {
    const started = performance.now();
    this.#sending.add(order.clientOid);
    try {
      const request = admit === undefined ? built.request : { ...built.request, admit };
      const rest = this.#o.rest;
      const result = built.withStops
        ? await rest.placeOrderWithStops(request)
        : await rest.placeOrder(request);
      const latency = performance.now() - started;
      return this.transition(order, 'accepted', {
        exchangeOrderId: result.orderId,
        confirmLatencyMs: Math.round(latency * 1000) / 1000,
      });
    } catch (error) {
      return this.#onSendError(order, error);
    } finally {
      this.#sending.delete(order.clientOid);
    }
  }

  #onSendError(order: JournalOrder, error: unknown): JournalOrder {
    const reason = error instanceof Error ? error.message : String(error);
    // A malformed success answer is doubt, not a refusal: the order may well exist (ADR 0330).
    const ambiguous =
      error instanceof OrderUnknownError ||
      isDuplicateClientOid(error) ||
      (error instanceof ExchangeError && error.code === 'malformed-response');
    if (ambiguous) {
      const unknown = this.transition(order, 'outcome-unknown', { reason });
      void this.reconcile(order.clientOid).catch((cause: unknown) => {
        this.#o.logger.error('order-reconcile-failed', { clientOid: order.clientOid, error: String(cause) });
      });
      return unknown;
    }
    // Every other failure is definitive: the client raises OrderUnknownError whenever the order may have left.
    this.#o.logger.warn('order-rejected', { clientOid: order.clientOid, reason });
    return this.transition(order, 'refused', { reason });
  }

  async refresh(clientOid: string): Promise<JournalOrder> {
    const order = this.current(clientOid);
    if (terminalOrderStatuses.has(order.status)) return order;
    if (this.#reconciling.has(clientOid) || this.#sending.has(clientOid)) return order;
    try {
      const wire =
        order.exchangeOrderId === undefined
          ? await this.#o.rest.getOrderByClientOid(clientOid)
          : await this.#o.rest.getOrder(order.exchangeOrderId);
      return await this.adoptWire(order, wire);
    } catch (error) {
      // Absent or unreadable: resolve it properly (bounded by reconcileGiveUpMs) in the background.
      // An order already given up on (UNKNOWN) is only looked at again, never looped on.
      const resolvable =
        order.status === 'SUBMITTED' ||
        order.status === 'RECONCILING' ||
        (isOrderAbsent(error) && order.status !== 'UNKNOWN');
      if (resolvable) this.#startReconcile(clientOid);
      throw error;
    }
  }

  /** Journals what the exchange says about an order (fills first, then the status). */
  async adoptWire(order: JournalOrder, wire: KucoinOrder): Promise<JournalOrder> {
    const { status, filledLots } = statusFromWire(wire);
    const firstSight = order.exchangeOrderId === undefined || doubtful.has(order.status);
    if (firstSight) {
      const problem = checkAgainstRequest(order, wire);
      if (problem !== undefined) this.#o.onMismatch(order, problem);
    }
    if (!firstSight && status === order.status && filledLots === order.filledLots) return order;
    if (filledLots > order.filledLots)
      await recordOrderFills(this.#o.rest, this.#o.journal, this.#o.logger, this.#o.now, order, wire.id);
    const avg =
      wire.avgDealPrice !== undefined && wire.avgDealPrice !== '0' ? { avgFillPrice: wire.avgDealPrice } : {};
    return this.transition(this.current(order.clientOid), causeForExchangeStatus(status), {
      ...avg,
      exchangeOrderId: wire.id,
      filledLots,
    });
  }

  #startReconcile(clientOid: string): void {
    void this.reconcile(clientOid).catch((error: unknown) => {
      this.#o.logger.warn('order-reconcile-failed', { clientOid, error: String(error) });
    });
  }

  reconcile(clientOid: string, options: ReconcileOptions = {}): Promise<JournalOrder> {
    const running = this.#reconciling.get(clientOid);
    if (running !== undefined) return running;
    const task = reconcileLoop(this, clientOid, options.resubmit ?? true).finally(() =>
      this.#reconciling.delete(clientOid),
    );
    this.#reconciling.set(clientOid, task);
    return task;
  }

  markCancelled(clientOid: string, reason: string): JournalOrder {
    const order = this.current(clientOid);
    if (terminalOrderStatuses.has(order.status)) return order;
    return this.transition(order, 'cancelled', { reason });
  }

  adopt(order: JournalOrder): void {
    if (this.#o.journal.getOrder(order.clientOid) !== undefined) return;
    this.#o.journal.insertOrder(order);
    this.#o.journal.append(
      'order',
      { status: order.status, cause: 'adopted', parentClientOid: order.parentClientOid ?? null },
      { symbol: order.symbol, clientOid: order.clientOid },
    );
    this.#o.onUpdate(order);
  }

  async cancel(clientOid: string): Promise<JournalOrder> {
    const order = this.current(clientOid);
    if (terminalOrderStatuses.has(order.status)) return order;
    try {
      if (order.exchangeOrderId === undefined)
        await this.#o.rest.cancelOrderByClientOid(clientOid, order.symbol);
      else await this.#o.rest.cancelOrder(order.exchangeOrderId);
    } catch (error) {
      // 100004 "not cancelable" means it is already done; the refresh below tells which way.
      this.#o.logger.info('order-cancel-answer', { clientOid, error: String(error) });
    }
    return this.refresh(clientOid).catch(() => this.current(clientOid));
  }

  async pollOpen(stopOrders?: readonly KucoinOrder[]): Promise<void> {
    const open = this.#o.journal.openOrders().filter((order) => order.status !== 'NEW');
    if (open.length === 0) return;
    // One listing instead of one GET per order: only orders whose fill or presence changed are asked about.
    const seen = await this.#listOpen(stopOrders);
    for (const order of open) {
      if (this.#stopped) return;
      if (!this.#due(order, seen)) continue;
      await this.refresh(order.clientOid).catch((error: unknown) => {
        this.#o.logger.warn('order-poll-failed', { clientOid: order.clientOid, error: String(error) });
      });
    }
  }

  #due(order: JournalOrder, seen: ReadonlyMap<string, number>): boolean {
    if (this.#reconciling.has(order.clientOid) || this.#sending.has(order.clientOid)) return false;
    if (order.status === 'ACKED' || order.status === 'PARTIALLY_FILLED')
      return seen.get(order.clientOid) !== order.filledLots;
    if (order.status !== 'UNKNOWN') return true;
    // An order given up on is asked about again, slowly: it may turn up, and then it is resolved.
    const last = this.#lastUnknownCheck.get(order.clientOid) ?? 0;
    if (this.#o.now() - last < this.#o.config.unknownRecheckMs) return false;
    this.#lastUnknownCheck.set(order.clientOid, this.#o.now());
    return true;
  }

  async #listOpen(stopOrders: readonly KucoinOrder[] | undefined): Promise<Map<string, number>> {
    const [active, stops] = await Promise.all([
      this.#o.rest.listOpenOrders({ pageSize: 1000 }, { lane: 'protective' }),
      stopOrders === undefined
        ? this.#o.rest.listStopOrders({ pageSize: 100 }, { lane: 'protective' }).then((page) => page.items)
        : Promise.resolve(stopOrders),
    ]);
    return filledByClientOid([...active.items, ...stops]);
  }
}

/** clientOid → filled lots of every order the exchange lists as open. */
function filledByClientOid(items: readonly KucoinOrder[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items)
    if (typeof item.clientOid === 'string') map.set(item.clientOid, item.filledSize ?? item.dealSize ?? 0);
  return map;
}
