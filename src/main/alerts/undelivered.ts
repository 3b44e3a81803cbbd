/**
 * Alerts the journal holds with no delivery outcome: raised, journaled, and then the app died
 * (a crash, a kill, a power cut) before a channel answered. Every delivery outcome — sent,
 * failed, suppressed — is journaled with the journal row of its alert (`alertSeq`) and its
 * channel, so a channel that no outcome names never dealt with the alert. At start-up the router sends these once more
 * (ADR 0602): a critical alert raised in the last second before a crash is the one that matters.
 */
import { alertSeveritySchema, type AlertInput } from '../../shared/ipc/channels/alerts.ts';
import type { Journal } from '../store/journal.ts';

/** An alert to resume: its journal row, what was raised, and the channels that already answered. */
export interface UndeliveredAlert {
  readonly seq: number;
  readonly input: AlertInput;
  readonly handledChannels: ReadonlySet<string>;
}

/** Fields of an alert row that are the alert itself, not its numbers. */
const alertFields = new Set([
  'alertId',
  'id',
  'severity',
  'code',
  'kind',
  'key',
  'title',
  'message',
  'clears',
  'acknowledgedAt',
]);

function inputOf(
  data: Record<string, unknown>,
  at: number,
  symbol: string | undefined,
): AlertInput | undefined {
  const severity = alertSeveritySchema.safeParse(data.severity);
  if (!severity.success || typeof data.code !== 'string' || typeof data.message !== 'string')
    return undefined;
  const details: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(data)) {
    if (
      !alertFields.has(name) &&
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    )
      details[name] = value;
  }
  return {
    severity: severity.data,
    code: data.code,
    message: data.message,
    at,
    details,
    ...(symbol === undefined ? {} : { symbol }),
    ...(typeof data.key === 'string' ? { key: data.key } : {}),
    ...(typeof data.kind === 'string' ? { kind: data.kind } : {}),
    ...(typeof data.title === 'string' ? { title: data.title } : {}),
    ...(typeof data.clears === 'boolean' ? { clears: data.clears } : {}),
  };
}

/**
 * Warning and critical alerts journaled since `sinceMs`, each with the channels whose outcome is
 * journaled, oldest first; the router resumes the channels missing. Info alerts go to the app only.
 */
export function undeliveredAlerts(
  journal: Pick<Journal, 'queryEvents'>,
  sinceMs: number,
  limit: number,
): UndeliveredAlert[] {
  const handled = new Map<number, Set<string>>();
  for (const row of journal.queryEvents({ kind: 'alert-delivery', sinceMs, limit: 100_000 })) {
    const seq = row.data.alertSeq;
    if (typeof seq !== 'number' || row.data.escalation === true || typeof row.data.channel !== 'string')
      continue;
    const channels = handled.get(seq) ?? new Set<string>();
    channels.add(row.data.channel);
    handled.set(seq, channels);
  }
  const found: UndeliveredAlert[] = [];
  for (const row of journal.queryEvents({ kind: 'alert', sinceMs, limit: 100_000 })) {
    if (row.data.severity === 'info') continue;
    const input = inputOf(row.data, row.at, row.symbol);
    if (input !== undefined)
      found.push({ seq: row.seq, input, handledChannels: handled.get(row.seq) ?? new Set() });
  }
  return found.sort((a, b) => a.seq - b.seq).slice(-limit);
}
