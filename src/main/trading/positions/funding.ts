/**
 * Funding settlements (every funding interval the exchange moves `rate × position value` between
 * longs and shorts). They are read from KuCoin's own record (GET /api/v1/funding-history) — at start
 * for every open position, so what was settled while the app was closed is counted, and during the
 * session whenever a position's cumulative `posFunding` moves. Each settlement is journaled once
 * (a cursor per symbol) and, when it settled today (UTC), counted in the day's realised PnL, so the
 * daily-loss trigger sees funding paid, not only trading losses (ADR 0321).
 */
import type { KucoinFundingSettlement } from '../../exchange/kucoin/schemas/funding.ts';
import { saveLossGuard } from '../state/loss-guard-store.ts';
import { addFunding } from './position-ledger.ts';
import type { TradingRuntime } from '../runtime.ts';
import type { ExchangePosition } from '../wire-map.ts';

const DAY_MS = 86_400_000;
/** Without a cursor (a position the journal never saw), look back this far. */
const FIRST_LOOK_BACK_MS = DAY_MS;

/**
 * The symbols whose funding should be read now: first sight this session, `posFunding` moved, or
 * the position just closed (its last settlement may not be counted yet).
 */
export function fundingDue(rt: TradingRuntime, positions: ReadonlyMap<string, ExchangePosition>): string[] {
  const due: string[] = [...rt.positions.keys()].filter((symbol) => !positions.has(symbol));
  for (const current of positions.values()) {
    const previous = rt.positions.get(current.symbol);
    const firstSight = !rt.fundingChecked.has(current.symbol);
    if (firstSight || (previous?.side === current.side && previous.fundingUsdt !== current.fundingUsdt))
      due.push(current.symbol);
  }
  return due;
}

/** Reads and counts the new settlements of `symbol`. @throws the client's error (retried on a later pass). */
export async function accountFunding(rt: TradingRuntime, symbol: string): Promise<void> {
  const { deps } = rt;
  const cursor = deps.settings.get('funding-cursor', symbol);
  const startAtMs = cursor?.timePoint ?? deps.now() - FIRST_LOOK_BACK_MS;
  const page = await deps.rest.getFundingHistory({ symbol, startAtMs, reverse: false, maxCount: 100 });
  const seen = new Set(cursor?.ids ?? []);
  const fresh = page.dataList
    .filter((row) => row.timePoint >= startAtMs && !seen.has(row.id))
    .sort((a, b) => a.timePoint - b.timePoint);
  for (const row of fresh) countSettlement(rt, row);
  const newest = fresh.at(-1)?.timePoint ?? cursor?.timePoint ?? startAtMs;
  const idsAtNewest = [
    ...(cursor?.timePoint === newest ? seen : []),
    ...fresh.filter((row) => row.timePoint === newest).map((row) => row.id),
  ].slice(-50);
  deps.settings.set('funding-cursor', { timePoint: newest, ids: idsAtNewest }, symbol);
  rt.fundingChecked.add(symbol);
}

function countSettlement(rt: TradingRuntime, row: KucoinFundingSettlement): void {
  const { deps } = rt;
  const today = Math.floor(deps.now() / DAY_MS) === Math.floor(row.timePoint / DAY_MS);
  deps.journal.append(
    'position-event',
    {
      event: 'funding',
      fundingUsdt: row.funding,
      fundingRate: row.fundingRate,
      settledAt: row.timePoint,
      settlementId: row.id,
      countedToday: today,
    },
    { symbol: row.symbol, at: row.timePoint },
  );
  deps.logger.info('funding-settled', {
    symbol: row.symbol,
    fundingUsdt: row.funding,
    settledAt: row.timePoint,
  });
  if (row.positionQty !== undefined && row.positionQty !== 0)
    addFunding(deps, row.symbol, row.positionQty > 0 ? 'long' : 'short', row.funding);
  // A settlement of an earlier UTC day belongs to that day's PnL, not today's daily-loss limit.
  if (!today) return;
  const status = rt.lossGuard.record({
    realisedPnlUsdt: row.funding,
    byStop: false,
    funding: true,
    at: deps.now(),
  });
  saveLossGuard(rt);
  deps.journal.append('position-event', { event: 'guard', ...status }, { symbol: row.symbol });
}
