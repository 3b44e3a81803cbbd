/**
 * The order lifecycle (ADR 0302, hummingbot/nautilus): journal first, then send; ambiguous
 * outcomes become UNKNOWN → RECONCILING and are resolved by asking the exchange by clientOid;
 * an order is resubmitted (same clientOid, same bytes) only once the exchange has said "absent"
 * `absentConfirmations` times. Never a second clientOid for one intent (field lessons 1, 2, 13).
 */
import { OrderUnknownError, TradingError } from '../../../shared/errors.ts';
import { terminalOrderStatuses } from '../../../shared/domain/order.ts';
import type { TradingConfig } from '../../config/sections/trading.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Journal } from '../../store/journal.ts';
import type { JournalOrder } from '../../store/order-rows.ts';
import type { TradingRest } from '../client-port.ts';
import type { KucoinOrder } from '../../exchange/kucoin/schemas/orders.ts';
import { isDuplicateClientOid, isOrderAbsent, statusFromWire } from '../wire-map.ts';
import { newClientOid } from './client-oid.ts';
import { buildRequest, type BuiltRequest, type OrderSpec } from './order-request.ts';
import { checkAgainstRequest } from './order-confirm.ts';

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
}

/** The tracker's API. */
export interface OrderTracker {
  /** Journals and sends an order; resolves once it is ACKED, REJECTED or UNKNOWN (then reconciled in the background). */
  submit(spec: OrderSpec): Promise<JournalOrder>;
  /** Asks the exchange about one order and journals what changed. */
  refresh(clientOid: string, options?: ReconcileOptions): Promise<JournalOrder>;
  /** Resolves an UNKNOWN/SUBMITTED order by clientOid; resubmits only when proven absent (and allowed). */
  reconcile(clientOid: string, options?: ReconcileOptions): Promise<JournalOrder>;
  /** Records a cancellation the exchange confirmed in its answer (saves a GET per cancelled stop). */
  markCancelled(clientOid: string, reason: string): JournalOrder;
  /** Cancels one order (by clientOid) and refreshes it. */
  cancel(clientOid: string): Promise<JournalOrder>;
  /**
   * Refreshes every non-terminal order that changed (the polling fallback).
   * @param stopOrders - the untriggered stop orders when the caller has just listed them.
   */
  pollOpen(stopOrders?: readonly KucoinOrder[]): Promise<void>;
  /** Stops background reconciliation. */
  stop(): void;
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

class Tracker implements OrderTracker {
  readonly #o: OrderTrackerOptions;
  readonly #reconciling = new Map<string, Promise<JournalOrder>>();
  #stopped = false;

  constructor(options: OrderTrackerOptions) {
    this.#o = options;
  }

  stop(): void {
    this.#stopped = true;
  }

  #save(order: JournalOrder): JournalOrder {
    this.#o.journal.updateOrder(order);
    this.#o.journal.append('order', { status: order.status, filledLots: order.filledLots, reason: order.reason ?? null }, { symbol: order.symbol, clientOid: order.clientOid });
    this.#o.onUpdate(order);
    return order;
  }

  async submit(spec: OrderSpec): Promise<JournalOrder> {
    const now = this.#o.now();
    const clientOid = newClientOid(spec.purpose, now);
    const built = buildRequest(spec, clientOid);
    const order: JournalOrder = {
      clientOid, symbol: spec.symbol, side: spec.side, type: spec.type, purpose: spec.purpose, sizeLots: spec.sizeLots, filledLots: 0,
      leverage: spec.leverage, reduceOnly: spec.reduceOnly, status: 'NEW', requestJson: JSON.stringify(built), createdAt: now, updatedAt: now,
      ...(spec.price === undefined ? {} : { price: spec.price }),
      ...(spec.stopPrice ?? spec.attachedStopPrice) === undefined ? {} : { stopPrice: spec.stopPrice ?? spec.attachedStopPrice },
      ...(spec.parentClientOid === undefined ? {} : { parentClientOid: spec.parentClientOid }),
    };
    // clientOid on disk before anything leaves the process (hummingbot: track before send). NEW and
    // SUBMITTED commit together (one fsync): on disk an order is either absent or possibly sent.
    const submitted = this.#o.journal.transaction(() => {
      this.#o.journal.insertOrder(order);
      this.#o.journal.append('order', { status: 'NEW', request: built.request }, { symbol: order.symbol, clientOid });
      return this.#save({ ...order, status: 'SUBMITTED', updatedAt: this.#o.now() });
    });
    return this.#send(submitted, built);
  }

  async #send(order: JournalOrder, built: BuiltRequest): Promise<JournalOrder> {
    const submitted = order.status === 'SUBMITTED' ? order : this.#save({ ...order, status: 'SUBMITTED', updatedAt: this.#o.now() });
    const started = performance.now();
    try {
      const rest = this.#o.rest;
      const result = built.withStops ? await rest.placeOrderWithStops(built.request) : await rest.placeOrder(built.request);
      const latency = performance.now() - started;
      return this.#save({ ...submitted, status: 'ACKED', exchangeOrderId: result.orderId, confirmLatencyMs: Math.round(latency * 1000) / 1000, updatedAt: this.#o.now() });
    } catch (error) {
      return this.#onSendError(submitted, error);
    }
  }

  #onSendError(order: JournalOrder, error: unknown): JournalOrder {
    if (error instanceof OrderUnknownError || isDuplicateClientOid(error)) {
      const unknown = this.#save({ ...order, status: 'UNKNOWN', reason: error instanceof Error ? error.message : String(error), updatedAt: this.#o.now() });
      void this.reconcile(order.clientOid).catch((cause: unknown) => {
        this.#o.logger.error('order-reconcile-failed', { clientOid: order.clientOid, error: String(cause) });
      });
      return unknown;
    }
    // Every other failure is definitive: the client raises OrderUnknownError whenever the order may have left.
    const reason = error instanceof TradingError ? error.message : String(error);
    this.#o.logger.warn('order-rejected', { clientOid: order.clientOid, reason });
    return this.#save({ ...order, status: 'REJECTED', reason, updatedAt: this.#o.now() });
  }

  #current(clientOid: string): JournalOrder {
    const order = this.#o.journal.getOrder(clientOid);
    if (order === undefined) throw new TradingError('order-not-found', `no order ${clientOid} in the journal`, { details: { clientOid } });
    return order;
  }

  async refresh(clientOid: string, options: ReconcileOptions = {}): Promise<JournalOrder> {
    const order = this.#current(clientOid);
    if (terminalOrderStatuses.has(order.status)) return order;
    if (order.status === 'UNKNOWN' || order.status === 'RECONCILING' || order.status === 'SUBMITTED') return this.reconcile(clientOid, options);
    const wire = order.exchangeOrderId === undefined ? await this.#o.rest.getOrderByClientOid(clientOid) : await this.#o.rest.getOrder(order.exchangeOrderId);
    return this.#adopt(order, wire);
  }

  /** Journals the fills of an order whose filled size grew (idempotent by trade id). */
  async #recordFills(order: JournalOrder, exchangeOrderId: string): Promise<void> {
    try {
      const page = await this.#o.rest.listFills({ orderId: exchangeOrderId, pageSize: 200 });
      for (const f of page.items) {
        const tradeType = f.tradeType === 'liquid' || f.tradeType === 'adl' || f.tradeType === 'settlement' ? f.tradeType : 'trade';
        const at = f.createdAt ?? this.#o.now();
        this.#o.journal.recordFill({
          tradeId: f.tradeId, exchangeOrderId, clientOid: order.clientOid, symbol: f.symbol, side: f.side, sizeLots: f.size, price: f.price, fee: f.fee ?? '0',
          liquidity: f.liquidity === 'maker' ? 'maker' : 'taker', tradeType, at: at > 1e14 ? Math.floor(at / 1e6) : at,
        });
      }
    } catch (error) {
      this.#o.logger.warn('fills-fetch-failed', { clientOid: order.clientOid, error: String(error) });
    }
  }

  async #adopt(order: JournalOrder, wire: Awaited<ReturnType<TradingRest['getOrder']>>): Promise<JournalOrder> {
    const { status, filledLots } = statusFromWire(wire);
    const firstSight = order.exchangeOrderId === undefined || order.status === 'UNKNOWN' || order.status === 'RECONCILING';
    if (firstSight) {
      const problem = checkAgainstRequest(order, wire);
      if (problem !== undefined) this.#o.onMismatch(order, problem);
    }
    const avg = wire.avgDealPrice !== undefined && wire.avgDealPrice !== '0' ? { avgFillPrice: wire.avgDealPrice } : {};
    if (!firstSight && status === order.status && filledLots === order.filledLots) return order;
    if (filledLots > order.filledLots) await this.#recordFills(order, wire.id);
    return this.#save({ ...order, ...avg, exchangeOrderId: wire.id, status, filledLots, updatedAt: this.#o.now() });
  }

  reconcile(clientOid: string, options: ReconcileOptions = {}): Promise<JournalOrder> {
    const running = this.#reconciling.get(clientOid);
    if (running !== undefined) return running;
    const task = this.#reconcileLoop(clientOid, options.resubmit ?? true).finally(() => this.#reconciling.delete(clientOid));
    this.#reconciling.set(clientOid, task);
    return task;
  }

  async #reconcileLoop(clientOid: string, resubmit: boolean): Promise<JournalOrder> {
    let order = this.#save({ ...this.#current(clientOid), status: 'RECONCILING', updatedAt: this.#o.now() });
    let absent = 0;
    while (!this.#stopped) {
      try {
        const wire = await this.#o.rest.getOrderByClientOid(clientOid);
        return await this.#adopt(order, wire);
      } catch (error) {
        if (!isOrderAbsent(error)) {
          this.#o.logger.warn('order-reconcile-retry', { clientOid, error: String(error) });
        } else if (++absent >= this.#o.config.absentConfirmations) {
          return await this.#resubmitOrGiveUp(order, resubmit);
        }
      }
      await sleep(this.#o.config.pollIntervalMs);
      order = this.#current(clientOid);
    }
    return order;
  }

  async #resubmitOrGiveUp(order: JournalOrder, resubmit: boolean): Promise<JournalOrder> {
    const age = this.#o.now() - order.createdAt;
    if (!resubmit || age > this.#o.config.reconcileGiveUpMs) {
      const reason = resubmit ? 'proven absent at the exchange and too old to resend' : 'proven absent at the exchange after a restart; not replayed';
      return this.#save({ ...order, status: 'REJECTED', reason, updatedAt: this.#o.now() });
    }
    // Proven absent: the same request, same clientOid — a duplicate would be refused by KuCoin (300018).
    this.#o.logger.info('order-resubmit', { clientOid: order.clientOid });
    return this.#send(order, JSON.parse(order.requestJson) as BuiltRequest);
  }

  markCancelled(clientOid: string, reason: string): JournalOrder {
    const order = this.#current(clientOid);
    if (terminalOrderStatuses.has(order.status)) return order;
    return this.#save({ ...order, status: 'CANCELLED', reason, updatedAt: this.#o.now() });
  }

  async cancel(clientOid: string): Promise<JournalOrder> {
    const order = this.#current(clientOid);
    if (terminalOrderStatuses.has(order.status)) return order;
    try {
      if (order.exchangeOrderId === undefined) await this.#o.rest.cancelOrderByClientOid(clientOid, order.symbol);
      else await this.#o.rest.cancelOrder(order.exchangeOrderId);
    } catch (error) {
      // 100004 "not cancelable" means it is already done; the refresh below tells which way.
      this.#o.logger.info('order-cancel-answer', { clientOid, error: String(error) });
    }
    return this.refresh(clientOid).catch(() => this.#current(clientOid));
  }

  async pollOpen(stopOrders?: readonly KucoinOrder[]): Promise<void> {
    const open = this.#o.journal.openOrders().filter((order) => order.status !== 'NEW');
    if (open.length === 0) return;
    // Two list calls instead of one GET per order (§5.1 weights): only orders whose fill or
    // presence changed are asked about individually.
    const unchanged = await this.#unchangedAtExchange(stopOrders);
    for (const order of open) {
      if (this.#stopped) return;
      const settled = order.status === 'ACKED' || order.status === 'PARTIALLY_FILLED';
      if (settled && unchanged.get(order.clientOid) === order.filledLots) continue;
      await this.refresh(order.clientOid).catch((error: unknown) => {
        this.#o.logger.warn('order-poll-failed', { clientOid: order.clientOid, error: String(error) });
      });
    }
  }

  /** clientOid → filled lots of every order the exchange lists as open (regular and untriggered stops). */
  async #unchangedAtExchange(stopOrders: readonly KucoinOrder[] | undefined): Promise<Map<string, number>> {
    const [active, stops] = await Promise.all([
      this.#o.rest.listOpenOrders({ pageSize: 1000 }),
      stopOrders === undefined ? this.#o.rest.listStopOrders({ pageSize: 200 }).then((page) => page.items) : Promise.resolve(stopOrders),
    ]);
    const map = new Map<string, number>();
    for (const item of [...active.items, ...stops]) {
      if (typeof item.clientOid === 'string') map.set(item.clientOid, item.filledSize ?? item.dealSize ?? 0);
    }
    return map;
  }

}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
