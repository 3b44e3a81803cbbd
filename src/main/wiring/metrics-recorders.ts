/**
 * What feeds the metrics: the exchange client's finished requests, the trading engine's order and
 * protection events, the streams' counters and the alert router's deliveries. Every recorder keeps
 * its series handles, so recording is a map lookup by a constant string and an array store.
 */
import type { DeliveryRecord } from '../alerts/index.ts';
import type { ExchangeClient, RestRequestCompleted } from '../exchange/index.ts';
import type { Counter, Histogram, MetricsRegistry } from '../observability/metrics/registry.ts';
import type { RestActivity } from '../observability/health/sources.ts';
import type { TradingEvent } from '../trading/index.ts';

function cached<T>(make: (key: string) => T): (key: string) => T {
  const handles = new Map<string, T>();
  return (key) => {
    let handle = handles.get(key);
    if (handle === undefined) {
      handle = make(key);
      handles.set(key, handle);
    }
    return handle;
  };
}

/** REST latency per endpoint, calls and weight per pool, errors by class — and the activity health reads. */
export function recordRest(
  client: Pick<ExchangeClient, 'onRequestCompleted'>,
  metrics: MetricsRegistry,
  now: () => number,
): { activity: () => RestActivity; stop: () => void } {
  const latency = cached<Histogram>((route) => metrics.histogram('rest_request_ms', { route }));
  const calls = cached<Counter>((pool) => metrics.counter('rest_calls_total', { pool }));
  const weight = cached<Counter>((pool) => metrics.counter('rest_weight_total', { pool }));
  const errors = cached<Counter>((errorClass) => metrics.counter('rest_errors_total', { class: errorClass }));
  const activity: {
    lastOkAt: number | undefined;
    consecutiveFailures: number;
    lastFailure: RestActivity['lastFailure'];
  } = { lastOkAt: undefined, consecutiveFailures: 0, lastFailure: undefined };
  const stop = client.onRequestCompleted((completed: RestRequestCompleted) => {
    latency(completed.route).observe(completed.durationMs);
    calls(completed.pool).inc();
    weight(completed.pool).inc(completed.weight);
    if (completed.errorClass === undefined) {
      activity.lastOkAt = now();
      activity.consecutiveFailures = 0;
      return;
    }
    errors(completed.errorClass).inc();
    activity.consecutiveFailures += 1;
    activity.lastFailure = {
      at: now(),
      code: completed.outcome,
      errorClass: completed.errorClass,
      route: completed.route,
    };
  });
  return { activity: () => ({ ...activity }), stop };
}

interface OrderMarks {
  acked: boolean;
  filled: boolean;
}

/** Submit → ack and submit → first fill per order; seconds unprotected per position. */
export function recordTrading(metrics: MetricsRegistry): (event: TradingEvent) => void {
  const marks = new Map<string, OrderMarks>();
  const ack = cached<Histogram>((purpose) => metrics.histogram('order_submit_to_ack_ms', { purpose }));
  const fill = cached<Histogram>((purpose) => metrics.histogram('order_submit_to_fill_ms', { purpose }));
  const nakedTotal = cached<Counter>((symbol) =>
    metrics.counter('position_unprotected_seconds_total', { symbol }),
  );
  const nakedSeen = new Map<string, number>();
  return (event) => {
    if (event.name === 'trading:order-updated') {
      const order = event.payload;
      const mark = marks.get(order.clientOid) ?? { acked: false, filled: false };
      marks.set(order.clientOid, mark);
      if (!mark.acked && order.confirmLatencyMs !== undefined) {
        mark.acked = true;
        ack(order.purpose).observe(order.confirmLatencyMs);
      }
      if (!mark.filled && order.filledLots > 0) {
        mark.filled = true;
        fill(order.purpose).observe(Math.max(0, order.updatedAt - order.createdAt));
      }
      if (order.status === 'FILLED' || order.status === 'CANCELLED' || order.status === 'REJECTED')
        marks.delete(order.clientOid);
    } else if (event.name === 'trading:protection-changed') {
      const { symbol, nakedForS } = event.payload;
      metrics.setGauge('position_unprotected_seconds', { symbol }, nakedForS);
      const before = nakedSeen.get(symbol) ?? 0;
      if (nakedForS > before) nakedTotal(symbol).inc(nakedForS - before);
      nakedSeen.set(symbol, nakedForS);
    } else if (event.name === 'trading:position-updated' && event.payload.position === null) {
      metrics.removeGauge('position_unprotected_seconds', { symbol: event.payload.symbol });
      nakedSeen.delete(event.payload.symbol);
    }
  };
}

/** Deliveries per channel and outcome; raised → delivered time per channel (tests and escalations left out). */
export function recordDeliveries(metrics: MetricsRegistry): (record: DeliveryRecord) => void {
  const deliveries = cached<Counter>((key) => {
    const [channel = '', outcome = ''] = key.split('|');
    return metrics.counter('alert_deliveries_total', { channel, outcome });
  });
  const latency = cached<Histogram>((channel) => metrics.histogram('alert_delivery_ms', { channel }));
  return (record) => {
    deliveries(`${record.channel}|${record.outcome}`).inc();
    if (record.outcome === 'sent' && !record.test && !record.escalation)
      latency(record.channel).observe(Math.max(0, record.at - record.raisedAt));
  };
}

/** WebSocket messages per second and reconnects, sampled from the streams' counters. */
export function sampleStreams(
  client: Pick<ExchangeClient, 'publicStream' | 'privateStream'>,
  metrics: MetricsRegistry,
  now: () => number,
): () => void {
  const streams = [
    ['public', client.publicStream],
    ['private', client.privateStream],
  ] as const;
  const last = new Map<string, { at: number; messages: number; reconnects: number }>();
  return () => {
    const at = now();
    for (const [name, stream] of streams) {
      if (stream === undefined) continue;
      const stats = stream.stats();
      const reconnects = Math.max(0, stats.connects - 1);
      const before = last.get(name);
      last.set(name, { at, messages: stats.messages, reconnects });
      const reconnectCount = metrics.counter('ws_reconnects_total', { stream: name });
      if (before === undefined || at <= before.at) continue;
      metrics
        .histogram('ws_messages_per_second', { stream: name })
        .observe(((stats.messages - before.messages) * 1000) / (at - before.at));
      if (reconnects > before.reconnects) reconnectCount.inc(reconnects - before.reconnects);
    }
  };
}
