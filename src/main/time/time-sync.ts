import { TimeSyncError, toTradingError } from '../../shared/errors.ts';
import type { ExchangeConfig } from '../config/sections/exchange.ts';
import type { Logger } from '../observability/logger.ts';
import { abortableSleep } from '../resilience/abortable-sleep.ts';
import type { Clock } from './clock.ts';
import { estimateOffset, type TimeSample } from './offset-math.ts';

/** Whether our clock can be trusted for signed requests. */
export const clockHealthStates = ['unsynced', 'healthy', 'uncertain'] as const;
/** A clock-health state: order entry is allowed only when `healthy`. */
export type ClockHealthState = (typeof clockHealthStates)[number];

/** What the health panel shows about the clock. */
export interface ClockStatus {
  readonly state: ClockHealthState;
  readonly offsetMs: number;
  readonly rttMs: number;
  /** Current uncertainty, including drift since the last sync. */
  readonly uncertaintyMs: number;
  /** The most uncertainty order entry tolerates (share × KuCoin's 5 s window). */
  readonly maxUncertaintyMs: number;
  readonly lastSyncAt: number | undefined;
  readonly lastError: string | undefined;
}

/** Keeps our estimate of the exchange's clock (docs/reference/kucoin-futures.md#server-time). */
export interface TimeSync {
  /** Exchange time now, epoch ms: what KC-API-TIMESTAMP carries. */
  serverNow(): number;
  /** Runs a sync (single-flight: concurrent callers share one). Throws TimeSyncError if every sample failed. */
  sync(): Promise<ClockStatus>;
  status(): ClockStatus;
  /**
   * Throws TimeSyncError unless the clock is healthy enough for a new entry. Protective orders
   * (reduce-only, close) are never gated on it: they are signed with the best offset known (ADR 0231).
   */
  assertOrderEntryAllowed(): void;
  /** Called after every sync attempt (success or failure) with the new status. */
  onStatus(listener: (status: ClockStatus) => void): () => void;
  /** Starts periodic resync (first sync at once). */
  start(): void;
  /** Cancels timers and the sync in flight; nothing runs after it. */
  stop(): void;
}

/** Dependencies of {@link createTimeSync}. */
export interface TimeSyncOptions {
  readonly config: ExchangeConfig['timeSync'];
  readonly clock: Clock;
  readonly logger: Logger;
  /** Reads the exchange clock once (GET /api/v1/timestamp). */
  readonly fetchServerTime: (signal: AbortSignal) => Promise<number>;
}

/** Creates the server-time synchroniser. See {@link TimeSync}. */
export function createTimeSync(options: TimeSyncOptions): TimeSync {
  return new ServerTimeSync(options);
}

class ServerTimeSync implements TimeSync {
  readonly #options: TimeSyncOptions;
  readonly #abort = new AbortController();
  #offsetMs = 0;
  #rttMs = 0;
  #baseUncertaintyMs = Infinity;
  #lastSyncAt: number | undefined = undefined;
  #lastError: string | undefined = undefined;
  #inFlight: Promise<ClockStatus> | undefined = undefined;
  #started = false;
  readonly #listeners = new Set<(status: ClockStatus) => void>();

  constructor(options: TimeSyncOptions) {
    this.#options = options;
  }

  serverNow(): number {
    return Math.round(this.#options.clock.now() + this.#offsetMs);
  }

  sync(): Promise<ClockStatus> {
    if (this.#abort.signal.aborted) return Promise.reject(stoppedError());
    this.#inFlight ??= this.#runSync().finally(() => {
      this.#inFlight = undefined;
      if (this.#isStopped()) return;
      const status = this.status();
      for (const listener of this.#listeners) listener(status);
    });
    return this.#inFlight;
  }

  onStatus(listener: (status: ClockStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async #runSync(): Promise<ClockStatus> {
    const samples: TimeSample[] = [];
    let lastFailure: unknown;
    for (let index = 0; index < this.#options.config.samplesPerSync; index += 1) {
      if (this.#isStopped()) throw stoppedError();
      try {
        samples.push(await this.#sample());
      } catch (error) {
        if (this.#isStopped()) throw stoppedError();
        lastFailure = error;
      }
    }
    if (samples.length === 0) {
      this.#lastError = toTradingError(lastFailure).message;
      this.#options.logger.warn('time-sync-failed', { error: this.#lastError });
      throw new TimeSyncError(
        'time-sync-failed',
        'Could not read the exchange clock; order entry stays blocked.',
        { cause: lastFailure },
      );
    }
    const estimate = estimateOffset(samples);
    this.#offsetMs = estimate.offsetMs;
    this.#rttMs = estimate.rttMs;
    this.#baseUncertaintyMs = estimate.uncertaintyMs;
    this.#lastSyncAt = this.#options.clock.now();
    this.#lastError = undefined;
    const status = this.status();
    this.#options.logger.info('time-synced', { ...status, samples: samples.length });
    return status;
  }

  #isStopped(): boolean {
    return this.#abort.signal.aborted;
  }

  async #sample(): Promise<TimeSample> {
    const sentAt = this.#options.clock.now();
    const serverTime = await this.#options.fetchServerTime(this.#abort.signal);
    return { sentAt, receivedAt: this.#options.clock.now(), serverTime };
  }

  status(): ClockStatus {
    const config = this.#options.config;
    const maxUncertaintyMs = config.exchangeTimestampWindowMs * config.maxUncertaintyShareOfWindow;
    const elapsedMs =
      this.#lastSyncAt === undefined ? 0 : Math.max(0, this.#options.clock.now() - this.#lastSyncAt);
    const uncertaintyMs = this.#baseUncertaintyMs + (elapsedMs * config.localClockDriftPpm) / 1_000_000;
    const state: ClockHealthState =
      this.#lastSyncAt === undefined
        ? 'unsynced'
        : uncertaintyMs <= maxUncertaintyMs
          ? 'healthy'
          : 'uncertain';
    return {
      state,
      offsetMs: this.#offsetMs,
      rttMs: this.#rttMs,
      uncertaintyMs,
      maxUncertaintyMs,
      lastSyncAt: this.#lastSyncAt,
      lastError: this.#lastError,
    };
  }

  assertOrderEntryAllowed(): void {
    const status = this.status();
    if (status.state === 'healthy') return;
    throw new TimeSyncError(
      `clock-${status.state}`,
      status.state === 'unsynced'
        ? 'The exchange clock has not been read yet; order entry is blocked until it is.'
        : `Clock uncertainty ${Math.round(status.uncertaintyMs)} ms exceeds ${Math.round(status.maxUncertaintyMs)} ms; order entry is blocked until a resync.`,
      { details: { ...status } },
    );
  }

  start(): void {
    if (this.#started || this.#abort.signal.aborted) return;
    this.#started = true;
    void this.#loop();
  }

  async #loop(): Promise<void> {
    const signal = this.#abort.signal;
    while (!signal.aborted) {
      await this.sync().catch(() => undefined);
      await abortableSleep(this.#options.config.resyncIntervalMs, signal).catch(() => undefined);
    }
  }

  stop(): void {
    this.#abort.abort(stoppedError());
  }
}

function stoppedError(): TimeSyncError {
  return new TimeSyncError('time-sync-stopped', 'The exchange client is stopping.', { retryable: false });
}
