/**
 * The trader's words for the series main records (src/main/observability/metrics/catalog.ts and
 * src/main/wiring/metrics-recorders.ts). A series missing here still shows, under its own name:
 * these only make the known ones read well.
 */

/** Which section of the page a series belongs to. */
export type SectionId = 'latency' | 'rate-limits' | 'errors' | 'streams' | 'protection' | 'alerts' | 'other';

/**
 * Name prefixes to sections, first match wins. Prefixes rather than full names, so a series main
 * adds later (another `order_…` timing, another `ws_…` rate) lands in its section unasked.
 */
export const sectionPrefixes: readonly (readonly [prefix: string, section: SectionId])[] = [
  ['order_', 'latency'],
  ['rest_request_', 'latency'],
  ['rest_calls_', 'rate-limits'],
  ['rest_weight_', 'rate-limits'],
  ['rate_limit_', 'rate-limits'],
  ['rest_errors_', 'errors'],
  ['ws_', 'streams'],
  ['position_unprotected_', 'protection'],
  ['alert_', 'alerts'],
];

/** Each section's heading, what it answers, and what its absence means. */
export const sectionWords: Readonly<
  Record<SectionId, { readonly title: string; readonly about: string; readonly none: string }>
> = {
  latency: {
    title: 'Latency',
    about:
      'How long orders take to be acknowledged and filled, and how long each KuCoin REST endpoint answers.',
    none: 'No order or REST timing recorded yet.',
  },
  'rate-limits': {
    title: 'Rate-limit pools',
    about:
      "Calls made and weight spent per KuCoin rate-limit pool, and the share of each pool's quota left now.",
    none: 'No rate-limit pool reported yet.',
  },
  errors: {
    title: 'Errors by class',
    about: 'Failed REST calls since start, by what went wrong.',
    none: 'No failed REST call since start.',
  },
  streams: {
    title: 'Streams',
    about: 'WebSocket messages per second and reconnects, per stream.',
    none: 'No stream sampled yet.',
  },
  protection: {
    title: 'Protection',
    about: 'Seconds each position has been without full exchange-side stop cover (0 s = protected).',
    none: 'No position has reported its protection since start.',
  },
  alerts: {
    title: 'Alert deliveries',
    about: 'Alerts handed to each channel, by outcome, and how long from raised to accepted.',
    none: 'No alert delivered since start.',
  },
  other: {
    title: 'Other',
    about: 'Series this page has no section for, shown as the engine reports them.',
    none: 'Nothing else reported.',
  },
};

/** Table captions of the known histograms. */
export const histogramTitles: Readonly<Record<string, string>> = {
  order_submit_to_ack_ms: 'Order round-trip: submitted → acknowledged by KuCoin',
  order_submit_to_fill_ms: 'Order submitted → first fill',
  rest_request_ms: 'REST latency per endpoint',
  ws_messages_per_second: 'WebSocket messages per second',
  alert_delivery_ms: 'Alert raised → accepted by the channel',
};

/** Column headings of the known counters and gauges: counters count since start, gauges are now. */
export const valueTitles: Readonly<Record<string, string>> = {
  rest_calls_total: 'Calls since start',
  rest_weight_total: 'Weight spent since start',
  rate_limit_headroom_ratio: 'Quota left now',
  rest_errors_total: 'Failed calls since start',
  ws_reconnects_total: 'Reconnects since start',
  position_unprotected_seconds: 'Unprotected now',
  position_unprotected_seconds_total: 'Unprotected since start',
  alert_deliveries_total: 'Deliveries since start',
};

/** Column headings of the known labels. */
export const labelTitles: Readonly<Record<string, string>> = {
  purpose: 'Order purpose',
  route: 'Endpoint',
  pool: 'Pool',
  class: 'Error class',
  stream: 'Stream',
  symbol: 'Contract',
  channel: 'Channel',
  outcome: 'Outcome',
};

/** `labelTitles`, or the label's own name with a capital. */
export function labelTitle(label: string): string {
  return labelTitles[label] ?? label.charAt(0).toUpperCase() + label.slice(1);
}

/** Where a series goes; a leading `bulwark_` (the Prometheus prefix) is ignored. */
export function sectionOf(name: string): SectionId {
  const bare = name.startsWith('bulwark_') ? name.slice('bulwark_'.length) : name;
  return sectionPrefixes.find(([prefix]) => bare.startsWith(prefix))?.[1] ?? 'other';
}
