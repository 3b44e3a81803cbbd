/**
 * Reads a mode's journal into the facts the track record is computed from (ADR 0650). Only what
 * the engine journals is read: `fill` events (with the entry order's stop), funding settlements,
 * protection badges, position closes, emergency closes, risk decisions and trading-state changes.
 * A malformed event is skipped and counted, never guessed at.
 */
import { z } from 'zod';
import type { Journal, JournalEvent, JournalKind } from '../store/journal.ts';
import type { RecordFill, RecordFunding, RecordInputs, SafetyFact } from './inputs.ts';

/** The facts read, without the multiplier lookup (the caller adds it), and how many events were skipped. */
export type JournalFacts = Omit<RecordInputs, 'multiplierOf'> & { readonly skippedEvents: number };

const decimalLike = z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number()]).transform(String);
const fillData = z.looseObject({
  side: z.enum(['buy', 'sell']),
  sizeLots: z.number().int().positive(),
  price: decimalLike,
  fee: decimalLike,
});
const fundingData = z.looseObject({
  event: z.literal('funding'),
  fundingUsdt: decimalLike,
  settledAt: z.number().int().optional(),
});
const badgeData = z.looseObject({
  action: z.literal('badge'),
  status: z.enum(['PROTECTED', 'NAKED', 'UNKNOWN']),
});
const triggerData = z.looseObject({
  state: z.string(),
  previous: z.string(),
  details: z.looseObject({ trigger: z.string(), raised: z.boolean().optional() }),
});
const severity: Record<string, number> = { ACTIVE: 0, REDUCING: 1, HALTED: 2 };

/** Every event of `kind`, oldest first (the journal answers newest first). */
function allOf(journal: Journal, kind: JournalKind): JournalEvent[] {
  return journal.queryEvents({ kind, limit: Number.MAX_SAFE_INTEGER }).reverse();
}

function readFills(journal: Journal, skip: () => void): RecordFill[] {
  // Looked up once per entry (cached): only entries carry the stop that defines 1R.
  const stops = new Map<string, string | undefined>();
  const stopOf = (clientOid: string | undefined): string | undefined => {
    if (clientOid === undefined) return undefined;
    if (!stops.has(clientOid)) {
      const order = journal.getOrder(clientOid);
      stops.set(clientOid, order?.purpose === 'entry' ? order.stopPrice : undefined);
    }
    return stops.get(clientOid);
  };
  const events = allOf(journal, 'fill').sort((a, b) => a.at - b.at || a.seq - b.seq);
  return events.flatMap((event) => {
    const data = fillData.safeParse(event.data);
    if (!data.success || event.symbol === undefined) {
      skip();
      return [];
    }
    return [
      {
        symbol: event.symbol,
        side: data.data.side,
        lots: data.data.sizeLots,
        price: data.data.price,
        fee: data.data.fee,
        at: event.at,
        stopPrice: stopOf(event.clientOid),
      },
    ];
  });
}

/** Safety facts with the journal sequence of their event, so same-millisecond facts keep journal order. */
type Facts = [seq: number, fact: SafetyFact][];

function positionFacts(events: readonly JournalEvent[], funding: RecordFunding[], safety: Facts): void {
  for (const event of events) {
    const symbol = event.symbol;
    if (symbol === undefined) continue;
    const name = event.data.event;
    if (name === 'closed') safety.push([event.seq, { kind: 'covered', symbol, at: event.at }]);
    else if (name === 'emergency-close-started')
      safety.push([event.seq, { kind: 'emergency-close', symbol, at: event.at }]);
    else if (name === 'funding') {
      const data = fundingData.safeParse(event.data);
      if (data.success)
        funding.push({ symbol, at: data.data.settledAt ?? event.at, fundingUsdt: data.data.fundingUsdt });
    }
  }
}

function badgeFacts(events: readonly JournalEvent[], safety: Facts): void {
  for (const event of events) {
    const data = badgeData.safeParse(event.data);
    if (!data.success || event.symbol === undefined) continue;
    safety.push([
      event.seq,
      { kind: data.data.status === 'NAKED' ? 'naked' : 'covered', symbol: event.symbol, at: event.at },
    ]);
  }
}

/** Denials by rule (a refused protective stop has no rule id: `stop-refused`); the first allow's equity. */
function riskFacts(events: readonly JournalEvent[], safety: Facts): string | undefined {
  let startingEquity: string | undefined;
  for (const event of events) {
    const { verdict, ruleId, purpose, equity } = event.data;
    if (verdict === 'deny')
      safety.push([
        event.seq,
        {
          kind: 'denial',
          ruleId: typeof ruleId === 'string' ? ruleId : purpose === 'stop' ? 'stop-refused' : 'unknown',
          at: event.at,
        },
      ]);
    else if (verdict === 'allow' && startingEquity === undefined && typeof equity === 'string')
      startingEquity = equity;
  }
  return startingEquity;
}

function stateFacts(events: readonly JournalEvent[], safety: Facts): void {
  for (const event of events) {
    if (event.data.event === 'kill-switch') {
      safety.push([event.seq, { kind: 'kill-switch', at: event.at }]);
      continue;
    }
    const data = triggerData.safeParse(event.data);
    if (!data.success) continue;
    // Journals written before `raised` was recorded: a change to a more severe state raised its trigger.
    const raised =
      data.data.details.raised ?? (severity[data.data.state] ?? 0) > (severity[data.data.previous] ?? 0);
    safety.push([event.seq, { kind: 'trigger', trigger: data.data.details.trigger, raised, at: event.at }]);
  }
}

/** Reads the facts of one journal. */
export function readJournalFacts(journal: Journal): JournalFacts {
  let skipped = 0;
  const fills = readFills(journal, () => {
    skipped += 1;
  });
  const funding: RecordFunding[] = [];
  const safety: Facts = [];
  positionFacts(allOf(journal, 'position-event'), funding, safety);
  badgeFacts(allOf(journal, 'stop'), safety);
  const startingEquityUsdt = riskFacts(allOf(journal, 'risk-decision'), safety);
  stateFacts(allOf(journal, 'state-change'), safety);
  // The safety facts are read kind by kind; the episodes need them in time order.
  safety.sort(([seqA, a], [seqB, b]) => a.at - b.at || seqA - seqB);
  return {
    fills,
    funding,
    safety: safety.map(([, fact]) => fact),
    startingEquityUsdt,
    skippedEvents: skipped,
  };
}
