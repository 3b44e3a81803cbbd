/** One round trip to the exchange's clock. All values epoch ms on our clock, except `serverTime`. */
export interface TimeSample {
  readonly sentAt: number;
  readonly receivedAt: number;
  readonly serverTime: number;
}

/** The estimate from one sync. */
export interface OffsetEstimate {
  /** server − local, ms: add to our clock to get the exchange's. */
  readonly offsetMs: number;
  /** Median round trip, ms. */
  readonly rttMs: number;
  /** How far the true offset may be from `offsetMs`, ms (half the RTT plus the sample spread). */
  readonly uncertaintyMs: number;
}

/** `server − midpoint of the round trip` (docs/reference/kucoin-futures.md#server-time; hummingbot TimeSynchronizer). */
export function sampleOffset(sample: TimeSample): number {
  return sample.serverTime - (sample.sentAt + sample.receivedAt) / 2;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/**
 * Combines samples: offset = median of per-sample offsets (robust to one slow answer),
 * uncertainty = median RTT / 2 (where in the round trip the server read its clock) plus the
 * median absolute deviation of the offsets (how much the samples disagree).
 */
export function estimateOffset(samples: readonly TimeSample[]): OffsetEstimate {
  if (samples.length === 0) throw new RangeError('estimateOffset needs at least one sample');
  const offsets = samples.map(sampleOffset);
  const offsetMs = median(offsets);
  const rttMs = median(samples.map((sample) => sample.receivedAt - sample.sentAt));
  const spreadMs = median(offsets.map((offset) => Math.abs(offset - offsetMs)));
  return { offsetMs, rttMs, uncertaintyMs: rttMs / 2 + spreadMs };
}
