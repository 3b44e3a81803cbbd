/**
 * What each alert code means to the router: the kind rules route on, the title the trader reads,
 * which condition it belongs to (its de-duplication key) and whether it says that condition
 * cleared. A code the catalog does not know still routes: its kind is its code.
 */
import type { Alert, AlertInput } from '../../shared/ipc/channels/alerts.ts';

/** One code's entry. */
export interface CatalogEntry {
  readonly kind: string;
  readonly title: string;
  /** The condition's name in the key (codes of one condition share it); default the code. */
  readonly condition?: string;
  /** A detail that tells conditions of one kind apart (e.g. `host` for the two breakers). */
  readonly keyDetail?: string;
  /** This code says the condition has cleared. */
  readonly clears?: boolean;
}

/** Every code Bulwark raises, by the kind a rule can name. */
export const alertCatalog: Readonly<Record<string, CatalogEntry>> = {
  'liquidation-warning': { kind: 'liquidation', title: 'Close to liquidation', condition: 'liquidation' },
  'liquidation-critical': { kind: 'liquidation', title: 'Liquidation imminent', condition: 'liquidation' },
  'liquidation-cleared': {
    kind: 'liquidation',
    title: 'Away from liquidation again',
    condition: 'liquidation',
    clears: true,
  },
  'position-naked': { kind: 'position-naked', title: 'Position without a full stop', condition: 'naked' },
  'position-protected': {
    kind: 'position-naked',
    title: 'Position protected again',
    condition: 'naked',
    clears: true,
  },
  'position-flat': {
    kind: 'position-naked',
    title: 'Unprotected position closed',
    condition: 'naked',
    clears: true,
  },
  'stop-unplaceable': { kind: 'stop-failure', title: 'Stop could not be placed' },
  'position-emergency-close': { kind: 'emergency-close', title: 'Position closed: unprotected too long' },
  'kill-switch': { kind: 'trading-state', title: 'Kill switch pressed' },
  'trading-restricted': { kind: 'trading-state', title: 'Trading restricted', condition: 'trading-state' },
  'trading-resumed': {
    kind: 'trading-state',
    title: 'Trading active again',
    condition: 'trading-state',
    clears: true,
  },
  'daily-loss-limit': { kind: 'daily-loss', title: 'Daily loss limit reached', condition: 'daily-loss' },
  'daily-loss-reset': {
    kind: 'daily-loss',
    title: 'Daily loss limit reset',
    condition: 'daily-loss',
    clears: true,
  },
  'exchange-unreachable': {
    kind: 'breaker',
    title: 'KuCoin unreachable',
    condition: 'breaker',
    keyDetail: 'host',
  },
  'exchange-reachable': {
    kind: 'breaker',
    title: 'KuCoin reachable again',
    condition: 'breaker',
    keyDetail: 'host',
    clears: true,
  },
  'private-stream-dead': {
    kind: 'private-stream',
    title: 'Order update stream down',
    condition: 'private-stream',
  },
  'private-stream-back': {
    kind: 'private-stream',
    title: 'Order update stream back',
    condition: 'private-stream',
    clears: true,
  },
  'private-stream-key-refused': { kind: 'auth', title: 'KuCoin refused the API key', condition: 'auth' },
  'auth-failed': { kind: 'auth', title: 'KuCoin refused the API key', condition: 'auth' },
  'clock-untrusted': { kind: 'clock', title: 'Clock not trusted: new orders refused', condition: 'clock' },
  'clock-healthy': { kind: 'clock', title: 'Clock in sync again', condition: 'clock', clears: true },
  'order-rejected': { kind: 'order-rejected', title: 'Order rejected', keyDetail: 'clientOid' },
  'order-mismatch': {
    kind: 'order-rejected',
    title: "The exchange's order differs from the request",
    keyDetail: 'clientOid',
  },
  'order-filled': { kind: 'fill', title: 'Order filled', keyDetail: 'fillId' },
  'live-key-rotated': { kind: 'key-rotation', title: 'API key rotated' },
  'live-key-changed': { kind: 'key-rotation', title: 'API key changed: restart to use it' },
  'position-liquidation': { kind: 'position-closed', title: 'Position liquidated' },
  'position-adl': { kind: 'position-closed', title: 'Position auto-deleveraged' },
  'position-external': { kind: 'position-closed', title: 'Position changed outside Bulwark' },
  'position-adopted': { kind: 'position-closed', title: 'Unknown position found and protected' },
  'health-red': { kind: 'health', title: 'Bulwark health is red', condition: 'health' },
  'health-recovered': {
    kind: 'health',
    title: 'Bulwark health no longer red',
    condition: 'health',
    clears: true,
  },
  'config-invalid': { kind: 'config', title: 'A setting was not valid' },
  'config-corrupt': { kind: 'config', title: 'The settings file could not be read' },
  'metrics-endpoint-failed': { kind: 'health', title: 'Prometheus endpoint not started' },
  'alert-test': { kind: 'test', title: 'Test alert from Bulwark' },
};

function titleOf(code: string): string {
  const words = code.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function keyOf(input: AlertInput, entry: CatalogEntry | undefined): string {
  const parts = [entry?.condition ?? input.code];
  if (input.symbol !== undefined) parts.push(input.symbol);
  const detail = entry?.keyDetail === undefined ? undefined : input.details[entry.keyDetail];
  if (detail !== undefined) parts.push(String(detail));
  return parts.join(':');
}

/** Numbers that JSON and the IPC contract cannot carry (NaN, ±Infinity) travel as text. */
function cleanDetails(details: AlertInput['details']): Alert['details'] {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(details)) {
    out[name] = typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
  }
  return out;
}

/**
 * Completes a raised alert from the catalog (the raiser's own kind, key and title win). Never
 * throws: an alert is never lost to its own formatting.
 */
export function describeAlert(input: AlertInput, id: number): Alert {
  const entry = alertCatalog[input.code];
  const { journalSeq: _seq, kind: _kind, key: _key, title: _title, clears: _clears, ...rest } = input;
  return {
    ...rest,
    details: cleanDetails(input.details),
    at: Math.trunc(input.at),
    id,
    kind: input.kind ?? entry?.kind ?? input.code,
    key: input.key ?? keyOf(input, entry),
    title: input.title ?? entry?.title ?? titleOf(input.code),
    clears: input.clears ?? entry?.clears ?? false,
  };
}
