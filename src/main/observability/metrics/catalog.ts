/**
 * Every metric Bulwark records, with its help text and unit, in one list: the IPC snapshot and the
 * Prometheus exposition are both built from it.
 */

/** How a metric is kept. */
export type MetricType = 'histogram' | 'counter' | 'gauge';

/** One metric's definition. */
export interface MetricDefinition {
  readonly type: MetricType;
  readonly help: string;
  /** The label names its series are told apart by. */
  readonly labels: readonly string[];
}

/** The metrics, by name (Prometheus style; `bulwark_` is prefixed at exposition). */
export const metricCatalog = {
  order_submit_to_ack_ms: {
    type: 'histogram',
    help: 'Order submitted to exchange acknowledgement, milliseconds.',
    labels: ['purpose'],
  },
  order_submit_to_fill_ms: {
    type: 'histogram',
    help: 'Order submitted to its first fill confirmed, milliseconds.',
    labels: ['purpose'],
  },
  rest_request_ms: {
    type: 'histogram',
    help: 'REST request duration per endpoint, milliseconds (limiter wait excluded).',
    labels: ['route'],
  },
  rest_calls_total: { type: 'counter', help: 'REST calls per KuCoin rate-limit pool.', labels: ['pool'] },
  rest_weight_total: { type: 'counter', help: 'Rate-limit weight spent per pool.', labels: ['pool'] },
  rest_errors_total: { type: 'counter', help: 'Failed REST calls by error class.', labels: ['class'] },
  rate_limit_headroom_ratio: {
    type: 'gauge',
    help: "Share of a pool's quota left in the current window (1 = untouched).",
    labels: ['pool'],
  },
  ws_messages_per_second: {
    type: 'histogram',
    help: 'WebSocket messages per second, sampled each interval.',
    labels: ['stream'],
  },
  ws_reconnects_total: { type: 'counter', help: 'WebSocket reconnects.', labels: ['stream'] },
  position_unprotected_seconds: {
    type: 'gauge',
    help: 'Seconds the position has been without full exchange-side stop cover (0 = protected).',
    labels: ['symbol'],
  },
  position_unprotected_seconds_total: {
    type: 'counter',
    help: 'Seconds the position spent without full stop cover since start.',
    labels: ['symbol'],
  },
  alert_deliveries_total: {
    type: 'counter',
    help: 'Alert deliveries per channel and outcome.',
    labels: ['channel', 'outcome'],
  },
  alert_delivery_ms: {
    type: 'histogram',
    help: 'Alert raised to accepted by the channel, milliseconds.',
    labels: ['channel'],
  },
} as const satisfies Record<string, MetricDefinition>;

/** A metric's name. */
export type MetricName = keyof typeof metricCatalog;
