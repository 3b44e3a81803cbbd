// The soak's figures from what it can read afterwards: the venue's order timeline, the journal the
// engine left behind and the engine's own stdout lines.
import type { Journal } from '../../src/main/store/journal.ts';
import type { OrderTimelineEntryWire } from '../../src/main/venue/core/api/order-timeline.ts';

/** One stdout line of the soak engine, tagged with the run (1 before the kill, 2 after). */
export interface SoakLine {
  readonly type: string;
  readonly run: number;
  readonly [field: string]: unknown;
}

/** Why steps failed, by the first words of the error (a refusal by the risk rules or the trading state is expected under faults). */
function reasonsOf(errors: readonly SoakLine[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of errors) {
    const words = String(line.error)
      .replace(/[0-9.]+/g, 'N')
      .slice(0, 70);
    counts[words] = (counts[words] ?? 0) + 1;
  }
  return counts;
}

const ambiguous = new Set(['NEW', 'SUBMITTED', 'UNKNOWN', 'RECONCILING']);

/** Orders: duplicates and losses at the venue, forbidden orders sent, acknowledged orders missing from the journal. */
export function journalFigures(
  journal: Journal,
  timeline: readonly OrderTimelineEntryWire[],
  lines: readonly SoakLine[],
  maxLots: number,
) {
  const perOid = new Map<string, number>();
  for (const order of timeline) perOid.set(order.clientOid, (perOid.get(order.clientOid) ?? 0) + 1);
  const duplicateOrders = [...perOid.values()].reduce((sum, n) => sum + n - 1, 0);
  const unjournaled = [...perOid.keys()].filter((oid) => journal.getOrder(oid) === undefined).length;
  const stuck = journal.openOrders().filter((order) => ambiguous.has(order.status)).length;
  const forbiddenAtVenue = timeline.filter(
    (order) => order.clientOid.startsWith('bwe') && order.size > maxLots,
  ).length;
  const forbiddenSent = lines.filter(
    (line) => line.type === 'forbidden' && typeof line.sent === 'string',
  ).length;
  const placed = lines.filter((line) => line.type === 'placed' && typeof line.clientOid === 'string');
  const missing = placed.filter((line) => journal.getOrder(String(line.clientOid)) === undefined).length;
  return {
    figures: {
      duplicateOrders,
      lostOrders: unjournaled + stuck,
      riskForbiddenOrdersSent: forbiddenAtVenue + forbiddenSent,
      lostJournalEntries: missing,
    },
    activity: {
      ordersAtVenue: timeline.length,
      ordersAcknowledged: placed.length,
      forbiddenRefused: lines.filter((line) => line.type === 'forbidden' && typeof line.refused === 'string')
        .length,
      stepErrors: lines.filter((line) => line.type === 'step-error').length,
      kills: lines.filter((line) => line.type === 'killed').length,
    },
    stepErrorReasons: reasonsOf(lines.filter((line) => line.type === 'step-error')),
  };
}

/**
 * Alerts: every journaled warning or critical alert must end with at least one delivery record
 * (sent, failed with its reason, or suppressed) — one with none was lost between raise and channel.
 * Each delivery row names the journal row of its alert (`alertSeq`).
 */
export function alertFigures(journal: Journal, lines: readonly SoakLine[], peerMessages: number) {
  const alerts = journal.queryEvents({ kind: 'alert', limit: 100_000 });
  const delivered = new Map<number, number>();
  for (const row of journal.queryEvents({ kind: 'alert-delivery', limit: 100_000 })) {
    const seq = Number(row.data.alertSeq);
    delivered.set(seq, (delivered.get(seq) ?? 0) + 1);
  }
  const routed = alerts.filter((row) => row.data.severity !== 'info');
  const lost = routed.filter((row) => (delivered.get(row.seq) ?? 0) === 0);
  return {
    lostAlerts: lost.length,
    lost: lost.map((row) => ({
      at: row.at,
      code: String(row.data.code),
      severity: String(row.data.severity),
    })),
    activity: {
      alertsSaidByTrading: lines.filter((line) => line.type === 'alert').length,
      alertsJournaled: alerts.length,
      alertsRouted: routed.length,
      peerMessages,
    },
  };
}
