/**
 * The live size cap's source (ADR 0653): the paper record's readiness stage, read once from the
 * paper journal (which a LIVE session does not write) and the cap config `trackRecord.liveSizeCap`
 * maps it to. Until the paper record has been read — or when it cannot be — the stage counts as
 * `unproven`, the strictest cap: a cap that fails open would be no cap.
 */
import type { ReadinessStage } from '../../shared/ipc/channels/trackrecord.ts';
import type { TrackRecordConfig } from '../config/sections/trackrecord.ts';
import type { Logger } from '../observability/logger.ts';
import type { TrackRecordService } from './service.ts';

/** A cap that applies: the stage and the largest notional per entry, USDT. */
export interface LiveSizeCap {
  readonly stage: ReadinessStage;
  readonly maxNotionalUsdt: number;
}

/** The cap for `stage`, or undefined when the cap is off or that stage has none. */
export function liveSizeCapFor(stage: ReadinessStage, config: TrackRecordConfig['liveSizeCap']): LiveSizeCap | undefined {
  if (!config.enabled) return undefined;
  const cap = stage === 'full' ? config.fullMaxNotionalUsdt : stage === 'small' ? config.smallMaxNotionalUsdt : config.unprovenMaxNotionalUsdt;
  return cap === null ? undefined : { stage, maxNotionalUsdt: cap };
}

/** Reads the paper stage lazily (first use, again after a failure) and answers the cap synchronously. */
export function createLiveSizeCap(service: Pick<TrackRecordService, 'record'>, config: () => TrackRecordConfig, logger: Logger): () => LiveSizeCap | undefined {
  let stage: ReadinessStage | undefined;
  let reading = false;
  const read = (): void => {
    reading = true;
    service.record('paper').then(
      (record) => {
        stage = record.readiness.stage;
        reading = false;
        logger.info('live-size-cap-stage', { stage, sentence: record.readiness.sentence });
      },
      (error: unknown) => {
        reading = false;
        logger.warn('live-size-cap-stage-unread', { error, assumed: 'unproven' });
      },
    );
  };
  return () => {
    const settings = config().liveSizeCap;
    if (!settings.enabled) return undefined;
    if (stage === undefined && !reading) read();
    return liveSizeCapFor(stage ?? 'unproven', settings);
  };
}
