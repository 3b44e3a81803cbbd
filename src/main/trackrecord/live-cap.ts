/**
 * The live size cap's source (ADR 0653): the paper record's readiness stage, read once from the
 * paper journal (which a LIVE session does not write) and the risk config `trading.risk.liveSizeCap`
 * maps it to. The record is read when the source is built; until it has been read — or when it cannot be — the stage counts as
 * `unproven`, the strictest cap: a cap that fails open would be no cap.
 */
import type { ReadinessStage } from '../../shared/ipc/channels/trackrecord.ts';
import type { LiveSizeCapConfig } from '../config/sections/trackrecord.ts';
import type { Logger } from '../observability/logger.ts';
import type { TrackRecordService } from './service.ts';

/** A cap that applies: the stage and the largest notional per entry, USDT. */
export interface LiveSizeCap {
  readonly stage: ReadinessStage;
  readonly maxNotionalUsdt: number;
}

/** The cap for `stage`, or undefined when the cap is off or that stage has none. */
export function liveSizeCapFor(stage: ReadinessStage, config: LiveSizeCapConfig): LiveSizeCap | undefined {
  if (!config.enabled) return undefined;
  const cap =
    stage === 'full'
      ? config.fullMaxNotionalUsdt
      : stage === 'small'
        ? config.smallMaxNotionalUsdt
        : config.unprovenMaxNotionalUsdt;
  return cap === null ? undefined : { stage, maxNotionalUsdt: cap };
}

/** The cap's source: the current cap, and a re-read of the paper record. */
export interface LiveSizeCapSource {
  /** The cap that applies now (synchronous: the risk engine is pure); undefined when off. */
  readonly current: () => LiveSizeCap | undefined;
  /** Reads the paper record's stage again; never rejects (a failure keeps the strict cap, logged). */
  readonly refresh: () => Promise<void>;
}

/**
 * Builds the source and starts reading the paper record at once when the cap is on, so the first
 * entry of the session already meets the stage's cap; a failed read is tried again on the next entry.
 */
export function createLiveSizeCap(
  service: Pick<TrackRecordService, 'record'>,
  config: () => LiveSizeCapConfig,
  logger: Logger,
): LiveSizeCapSource {
  let stage: ReadinessStage | undefined;
  let reading: Promise<void> | undefined;
  const refresh = (): Promise<void> => {
    reading ??= service
      .record('paper')
      .then(
        (record) => {
          stage = record.readiness.stage;
          logger.info('live-size-cap-stage', { stage, sentence: record.readiness.sentence });
        },
        (error: unknown) => {
          logger.warn('live-size-cap-stage-unread', { error, assumed: 'unproven' });
        },
      )
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
  if (config().enabled) void refresh();
  return {
    refresh,
    current: () => {
      const settings = config();
      if (!settings.enabled) return undefined;
      if (stage === undefined && reading === undefined) void refresh();
      return liveSizeCapFor(stage ?? 'unproven', settings);
    },
  };
}
