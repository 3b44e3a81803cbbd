import { z } from 'zod';
import type { JournalEntryView } from '../../../../shared/ipc/channels/trading.ts';

/** A fill as the dock lists it, read from a journal `fill` entry (src/main/trading/fill-journal.ts). */
export interface FillRow {
  readonly tradeId: string;
  readonly at: number;
  readonly symbol: string;
  readonly clientOid: string | undefined;
  readonly side: 'buy' | 'sell';
  readonly sizeLots: number;
  readonly price: string;
  readonly fee: string;
  readonly liquidity: 'maker' | 'taker';
  /** `liquid` / `adl`: the exchange took the position, not the trader. */
  readonly tradeType: string;
}

const fillDataSchema = z.object({
  tradeId: z.string(),
  side: z.enum(['buy', 'sell']),
  sizeLots: z.number(),
  price: z.string(),
  fee: z.string(),
  liquidity: z.enum(['maker', 'taker']),
  tradeType: z.string(),
});

/**
 * The fill rows of journal entries, newest first. An entry whose data does not have a fill's
 * shape is left out rather than shown with made-up fields (the Journal page still shows it raw).
 */
export function fillRowsOf(entries: readonly JournalEntryView[]): FillRow[] {
  const rows: FillRow[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'fill' || entry.symbol === undefined) continue;
    const data = fillDataSchema.safeParse(entry.data);
    if (!data.success) continue;
    rows.push({ ...data.data, at: entry.at, symbol: entry.symbol, clientOid: entry.clientOid });
  }
  return rows.sort((a, b) => b.at - a.at);
}

/** Local midnight of the day `nowMs` falls in: the dock lists today's fills. */
export function startOfLocalDay(nowMs: number): number {
  const day = new Date(nowMs);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}
