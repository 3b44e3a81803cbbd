/**
 * Index, premium and interest series (docs/reference/kucoin-futures.md#market-data: GET /api/v1/index/query, /premium/query,
 * /interest/query) with KuCoin's HasMore pager. The venue's index is its feed's index price per
 * price step; the premium is (mark − index) / index per minute; the interest is the 0.01 % per
 * 8 h the funding model uses (funding.ts).
 */
import type { Venue } from '../model/context.ts';
import type { Dec } from '../model/decimal.ts';
import { d, wireNumber } from '../model/decimal.ts';
import { venueErrors } from '../wire/errors.ts';
import type { MarketRecord, PricePointRecord } from '../model/state.ts';
import type { HasMoreWire, IndexPointWire, QueryParams, RatePointWire } from '../wire/wire-types.ts';

export type { IndexPointWire, RatePointWire } from '../wire/wire-types.ts';

const INTEREST_PER_8H = d('0.0001');

function numberParam(query: QueryParams, name: string): number | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw venueErrors.invalidParameter(`The ${name} parameter is invalid`);
  return Number(raw);
}

/**
 * Filters and pages a series (oldest first in storage): startAt/endAt bound timePoint; reverse
 * (default true) lists newest first; offset (a timePoint from the previous page) continues in the
 * listing direction; maxCount defaults to 10, at most 100.
 */
function pageSeries<T extends { timePoint: number }>(rows: readonly T[], query: QueryParams): HasMoreWire<T> {
  const startAt = numberParam(query, 'startAt');
  const endAt = numberParam(query, 'endAt');
  const offset = numberParam(query, 'offset');
  const maxCount = Math.min(Math.max(numberParam(query, 'maxCount') ?? 10, 1), 100);
  const reverse = query.reverse !== 'false';
  let chosen = rows.filter(
    (row) =>
      (startAt === undefined || row.timePoint >= startAt) && (endAt === undefined || row.timePoint <= endAt),
  );
  if (reverse) chosen = [...chosen].reverse();
  if (offset !== undefined)
    chosen = chosen.filter((row) => (reverse ? row.timePoint < offset : row.timePoint > offset));
  return { dataList: chosen.slice(0, maxCount), hasMore: chosen.length > maxCount };
}

function marketWhere(
  venue: Venue,
  symbol: string | undefined,
  matches: (market: MarketRecord, symbol: string) => boolean,
): MarketRecord {
  const wanted = symbol ?? '';
  const market = [...venue.markets.values()].find((candidate) => matches(candidate, wanted));
  if (market === undefined) throw venueErrors.contractInvalid(wanted);
  return market;
}

/** GET /api/v1/index/query?symbol=.KXBTUSDT. */
export function indexSeries(venue: Venue, query: QueryParams): HasMoreWire<IndexPointWire> {
  const market = marketWhere(venue, query.symbol, (m, symbol) => m.spec.indexSymbol === symbol);
  const rows = market.indexHistory.map((point) => {
    const value = wireNumber(point.value);
    return {
      symbol: market.spec.indexSymbol,
      granularity: venue.config.priceStepMs,
      timePoint: point.timePoint,
      value,
      decomposionList: [{ exchange: 'paper-venue', price: value, weight: 1 }],
    };
  });
  return pageSeries(rows, query);
}

function ratePoints(
  symbol: string,
  points: readonly PricePointRecord[],
  value: (point: PricePointRecord) => Dec,
): RatePointWire[] {
  return points.map((point) => ({
    symbol,
    granularity: 60_000,
    timePoint: point.timePoint,
    value: wireNumber(value(point), 8),
  }));
}

/** GET /api/v1/premium/query?symbol=.XBTUSDTMPI (or …PI8H). */
export function premiumSeries(venue: Venue, query: QueryParams): HasMoreWire<RatePointWire> {
  const market = marketWhere(
    venue,
    query.symbol,
    (m, symbol) => symbol === `.${m.spec.symbol}PI` || symbol === `.${m.spec.symbol}PI8H`,
  );
  return pageSeries(
    ratePoints(query.symbol ?? '', market.premiumHistory, (point) => point.value),
    query,
  );
}

/** GET /api/v1/interest/query?symbol=.XBTINT8H (or .XBTINT, .USDTINT8H, .USDTINT). */
export function interestSeries(venue: Venue, query: QueryParams): HasMoreWire<RatePointWire> {
  const matches = (m: MarketRecord, symbol: string): boolean =>
    [
      `.${m.spec.fundingBaseSymbol}INT8H`,
      `.${m.spec.fundingBaseSymbol}INT`,
      '.USDTINT8H',
      '.USDTINT',
    ].includes(symbol);
  const market = marketWhere(venue, query.symbol, matches);
  return pageSeries(
    ratePoints(query.symbol ?? '', market.premiumHistory, () => INTEREST_PER_8H),
    query,
  );
}
