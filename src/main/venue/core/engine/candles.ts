/**
 * Candles from trades (docs/reference/kucoin-futures.md#market-data kline/query, docs/reference/kucoin-futures.md#ws-public-topics limitCandle): one-minute candles are
 * kept per market; longer granularities are aggregated on demand.
 */
import type { Dec } from '../model/decimal.ts';
import { add, cmp, mul, text, wireNumber } from '../model/decimal.ts';
import type { CandleEvent } from '../wire/events.ts';
import { candleTypes } from '../wire/events.ts';
import type { CandleRecord, MarketRecord } from '../model/state.ts';
import type { KlineWire } from '../wire/wire-types.ts';

const MINUTE_MS = 60_000;
/** One-minute candles kept per market (two weeks: enough for 500 rows of 30 min). */
export const MAX_CANDLES = 20_160;

/** Granularities (minutes) the kline endpoint accepts (docs/reference/kucoin-futures.md#market-data). */
export const klineGranularities: readonly number[] = [1, 5, 15, 30, 60, 120, 240, 480, 720, 1440, 10080];

/** Adds a trade (or a price observation with 0 lots) to the market's current minute candle and live candles. */
export function recordCandle(market: MarketRecord, price: Dec, lots: bigint, nowMs: number): void {
  const turnover = mul(mul({ m: lots, s: 0 }, market.spec.multiplier), price);
  const last = market.candles[market.candles.length - 1];
  const minute = addToCandle(last, price, lots, turnover, Math.floor(nowMs / MINUTE_MS) * MINUTE_MS);
  if (minute !== last) {
    market.candles.push(minute);
    if (market.candles.length > MAX_CANDLES) market.candles.shift();
  }
  for (const [type, minutes] of Object.entries(candleTypes)) {
    const size = minutes * MINUTE_MS;
    const current = market.liveCandles.get(type);
    const next = addToCandle(current, price, lots, turnover, Math.floor(nowMs / size) * size);
    if (next !== current) market.liveCandles.set(type, next);
  }
}

/** Adds to `candle` if it covers `startMs`, else returns a new candle opening at the previous close. */
function addToCandle(
  candle: CandleRecord | undefined,
  price: Dec,
  lots: bigint,
  turnover: Dec,
  startMs: number,
): CandleRecord {
  if (candle?.startMs !== startMs) {
    const open = candle?.close ?? price;
    const created: CandleRecord = {
      startMs,
      open,
      high: open,
      low: open,
      close: price,
      volumeLots: lots,
      turnover,
    };
    extend(created, price);
    return created;
  }
  extend(candle, price);
  candle.close = price;
  candle.volumeLots += lots;
  candle.turnover = add(candle.turnover, turnover);
  return candle;
}

function extend(candle: CandleRecord, price: Dec): void {
  if (cmp(price, candle.high) > 0) candle.high = price;
  if (cmp(price, candle.low) < 0) candle.low = price;
}

function aggregate(candles: readonly CandleRecord[], granularityMin: number): CandleRecord[] {
  const size = granularityMin * MINUTE_MS;
  const out: CandleRecord[] = [];
  for (const candle of candles) {
    const startMs = Math.floor(candle.startMs / size) * size;
    const current = out[out.length - 1];
    if (current?.startMs !== startMs) {
      out.push({ ...candle, startMs });
      continue;
    }
    extend(current, candle.high);
    extend(current, candle.low);
    current.close = candle.close;
    current.volumeLots += candle.volumeLots;
    current.turnover = add(current.turnover, candle.turnover);
  }
  return out;
}

/**
 * GET /api/v1/kline/query rows (docs/reference/kucoin-futures.md#market-data): only `from` → from there on; only `to` → the rows closest
 * to `to`; neither → the latest; at most 500 rows.
 */
export function klineRows(
  market: MarketRecord,
  granularityMin: number,
  fromMs?: number,
  toMs?: number,
): KlineWire[] {
  const rows = aggregate(market.candles, granularityMin).filter(
    (candle) =>
      (fromMs === undefined ||
        candle.startMs >= Math.floor(fromMs / (granularityMin * MINUTE_MS)) * granularityMin * MINUTE_MS) &&
      (toMs === undefined || candle.startMs <= toMs),
  );
  const limited = fromMs !== undefined && toMs === undefined ? rows.slice(0, 500) : rows.slice(-500);
  return limited.map((candle) => [
    candle.startMs,
    wireNumber(candle.open),
    wireNumber(candle.high),
    wireNumber(candle.low),
    wireNumber(candle.close),
    Number(candle.volumeLots),
  ]);
}

/** The live candle of every limitCandle type, as WS events (docs/reference/kucoin-futures.md#ws-public-topics: [startSec, open, close, high, low, volume, turnover]). */
export function candleEvents(market: MarketRecord, nowMs: number): CandleEvent[] {
  const events: CandleEvent[] = [];
  for (const [type, candle] of market.liveCandles) {
    events.push({
      topic: `/contractMarket/limitCandle:${market.spec.symbol}_${type}`,
      subject: 'candle.stick',
      data: {
        symbol: market.spec.symbol,
        candles: [
          String(candle.startMs / 1000),
          text(candle.open),
          text(candle.close),
          text(candle.high),
          text(candle.low),
          text(mul({ m: candle.volumeLots, s: 0 }, market.spec.multiplier)),
          text(candle.turnover),
        ],
        time: nowMs,
      },
    });
  }
  return events;
}
