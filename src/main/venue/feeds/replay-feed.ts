import { ValidationError } from '../../../shared/errors.ts';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { FeedSymbol, PriceFeed, PricePoint } from './price-feed.ts';
import { onGrid } from './grid.ts';

/** One row of a replay file: a candle (or a trade, with open = high = low = close). */
export interface ReplayRow {
  readonly timeMs: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

const numberLike = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
const arrayRow = z.tuple([numberLike, numberLike, numberLike, numberLike, numberLike]).rest(z.unknown());
const candleObject = z.object({
  time: numberLike,
  open: numberLike,
  high: numberLike,
  low: numberLike,
  close: numberLike,
});
const tradeObject = z.object({ time: numberLike, price: numberLike });
const jsonRow = z.union([arrayRow, candleObject, tradeObject]);

function fromJsonRow(row: z.infer<typeof jsonRow>): ReplayRow {
  if (Array.isArray(row)) return { timeMs: row[0], open: row[1], high: row[2], low: row[3], close: row[4] };
  if ('price' in row)
    return { timeMs: row.time, open: row.price, high: row.price, low: row.price, close: row.price };
  return { timeMs: row.time, open: row.open, high: row.high, low: row.low, close: row.close };
}

function parseCsv(text: string): ReplayRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const header = (lines.shift() ?? '').split(',').map((name) => name.trim().toLowerCase());
  const column = (name: string): number => header.indexOf(name);
  const time = column('time');
  if (time < 0)
    throw new ValidationError('venue-replay-invalid', 'replay CSV needs a "time" column (epoch ms)');
  return lines.map((line) => {
    const cells = line.split(',').map((cell) => Number(cell.trim()));
    const at = (name: string): number => cells[column(name)] ?? Number.NaN;
    const price = column('price') >= 0 ? at('price') : Number.NaN;
    const row = Number.isNaN(price)
      ? { timeMs: at('time'), open: at('open'), high: at('high'), low: at('low'), close: at('close') }
      : { timeMs: at('time'), open: price, high: price, low: price, close: price };
    if (Object.values(row).some((value) => !Number.isFinite(value)))
      throw new ValidationError('venue-replay-invalid', `replay CSV row is not numeric: ${line}`);
    return row;
  });
}

function parseJsonRows(text: string): ReplayRow[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ValidationError('venue-replay-invalid', `replay JSON does not parse: ${String(error)}`);
  }
  const parsed = z.array(jsonRow).safeParse(raw);
  if (!parsed.success)
    throw new ValidationError(
      'venue-replay-invalid',
      `replay JSON row is invalid: ${parsed.error.issues[0]?.path.join('.') ?? ''}`,
    );
  return parsed.data.map(fromJsonRow);
}

/**
 * Parses a replay file: CSV with a header (`time,open,high,low,close[,volume]` or `time,price`)
 * or a JSON array of `[time, open, high, low, close, …]` rows, candle objects or `{time, price}` trades.
 * Rows are sorted by time. @throws ValidationError naming the bad row.
 */
export function parseReplay(text: string): ReplayRow[] {
  const trimmed = text.trim();
  const rows = trimmed.startsWith('[') ? parseJsonRows(trimmed) : parseCsv(trimmed);
  if (rows.length === 0) throw new ValidationError('venue-replay-invalid', 'replay file has no rows');
  return rows.sort((a, b) => a.timeMs - b.timeMs);
}

/** Reads and parses a replay file from disk. */
export function loadReplayFile(path: string): ReplayRow[] {
  return parseReplay(readFileSync(path, 'utf8'));
}

/** How to replay. */
export interface ReplayFeedOptions {
  readonly symbols: readonly FeedSymbol[];
  /** Rows per symbol; symbols without rows stay at their initial price. */
  readonly series: Readonly<Record<string, readonly ReplayRow[]>>;
  /** Venue time at which the first row plays. */
  readonly startMs: number;
  /** Start over at the end (default true); otherwise hold the last close. */
  readonly loop?: boolean;
  /** Mark = index × (1 + basis). */
  readonly markBasisFraction?: number;
}

function rowIndex(rows: readonly ReplayRow[], fileMs: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((rows[mid]?.timeMs ?? 0) <= fileMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Price inside a candle: open → nearer extreme → other extreme → close, linear in time. */
function pathPrice(row: ReplayRow, fraction: number): number {
  const highFirst = row.close < row.open;
  const points = highFirst
    ? [row.open, row.high, row.low, row.close]
    : [row.open, row.low, row.high, row.close];
  const scaled = Math.min(Math.max(fraction, 0), 1) * 3;
  const segment = Math.min(Math.floor(scaled), 2);
  const from = points[segment] ?? row.open;
  const to = points[segment + 1] ?? row.close;
  return from + (to - from) * (scaled - segment);
}

function priceOf(rows: readonly ReplayRow[], fileMs: number): number {
  const index = rowIndex(rows, fileMs);
  const row = rows[index];
  if (row === undefined) return Number.NaN;
  const next = rows[index + 1];
  if (next === undefined || fileMs < row.timeMs) return fileMs < row.timeMs ? row.open : row.close;
  return pathPrice(row, (fileMs - row.timeMs) / (next.timeMs - row.timeMs));
}

/**
 * Replays recorded candles or trades onto venue time (ADR 0101): the first row plays at
 * `startMs`, one file millisecond per venue millisecond; inside a candle the price walks
 * open → extremes → close.
 */
export function createReplayFeed(options: ReplayFeedOptions): PriceFeed {
  const basis = options.markBasisFraction ?? 0;
  const bySymbol = new Map(options.symbols.map((spec) => [spec.symbol, spec]));
  return {
    priceAt(symbol: string, atMs: number): PricePoint {
      const spec = bySymbol.get(symbol);
      if (spec === undefined)
        throw new ValidationError('venue-feed-unknown-symbol', `replay feed has no symbol ${symbol}`, {
          details: { symbol },
        });
      const rows = options.series[symbol];
      const first = rows?.[0];
      const last = rows?.[rows.length - 1];
      if (rows === undefined || first === undefined || last === undefined) {
        const price = Number(spec.initialPrice);
        return onGrid(spec, price, price, price);
      }
      const span = Math.max(last.timeMs - first.timeMs, 1);
      const elapsed = Math.max(atMs - options.startMs, 0);
      const offset = options.loop === false ? elapsed : elapsed % span;
      const price = priceOf(rows, first.timeMs + offset);
      return onGrid(spec, price, price * (1 + basis), price);
    },
    close: () => undefined,
  };
}
