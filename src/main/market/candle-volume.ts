import type { Candle } from '../../shared/ipc/channels/market.ts';

/**
 * A pushed bar with its volume taken from what REST last said for that bar. KuCoin documents the
 * volume of the limitCandle push as wrong ("This value is incorrect, please do not use it",
 * https://www.kucoin.com/docs-new/3470086w0), and the paper venue sends it in coins where the
 * kline endpoint answers lots: only the push's prices are used. A bar REST has not seen yet
 * counts 0 until {@link FormingVolumeReads} has it read.
 */
export function withKnownVolume(pushed: Candle, known: Candle | undefined): Candle {
  return { ...pushed, volume: known?.openTimeMs === pushed.openTimeMs ? known.volume : 0 };
}

/**
 * REST rows merged into the cache: the closed bar exactly as REST has it (final), the forming
 * bar's volume only — the push's prices are fresher than a read that may have left before them.
 */
export function withRestVolumes(
  rows: readonly Candle[],
  cached: (openTimeMs: number) => Candle | undefined,
  formingOpenMs: number,
): Candle[] {
  return rows.flatMap((row) => {
    if (row.openTimeMs < formingOpenMs) return [row];
    const forming = cached(row.openTimeMs);
    return forming === undefined ? [row] : [{ ...forming, volume: row.volume }];
  });
}

/**
 * When the newest bar's volume is read again over REST, per series: as soon as a new bar opens
 * (the one before it just closed and gets its final volume), then at most every `refreshMs`.
 */
export class FormingVolumeReads {
  readonly #last = new Map<string, { readonly openTimeMs: number; readonly atMs: number }>();
  readonly #refreshMs: number;

  constructor(refreshMs: number) {
    this.#refreshMs = refreshMs;
  }

  /** Whether to read now; if so, the read is counted as started at `nowMs`. */
  claim(key: string, openTimeMs: number, nowMs: number): boolean {
    const last = this.#last.get(key);
    if (last?.openTimeMs === openTimeMs && nowMs - last.atMs < this.#refreshMs) return false;
    this.#last.set(key, { openTimeMs, atMs: nowMs });
    return true;
  }
}
