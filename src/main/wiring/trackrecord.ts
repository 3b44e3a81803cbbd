/** The track record part of the engine: its service over the running mode's journal, its handlers, and the live size cap. */
import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import type { ConfigStore } from '../config/store.ts';
import type { ExchangeClient } from '../exchange/index.ts';
import type { ChannelHandlers } from '../ipc/router.ts';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';
import type { Clock } from '../time/clock.ts';
import { createLiveSizeCap, type LiveSizeCap } from '../trackrecord/live-cap.ts';
import { createTrackRecordHandlers, createTrackRecordService } from '../trackrecord/index.ts';

/** What the track record is wired from. */
export interface EngineTrackRecordInput {
  readonly mode: TradingMode;
  readonly journal: Journal;
  readonly userData: string;
  readonly configStore: ConfigStore;
  readonly clock: Clock;
  readonly client: ExchangeClient;
  readonly logger: Logger;
}

/** The handlers of `trackrecord:*`, and (LIVE only) the cap the risk engine's `live-size-cap` rule reads. */
export interface EngineTrackRecord {
  readonly handlers: ChannelHandlers;
  /** In paper mode it never caps. */
  readonly liveSizeCap: () => LiveSizeCap | undefined;
}

/** Builds the track record; multipliers come from the exchange's public contract list. */
export function createEngineTrackRecord(input: EngineTrackRecordInput): EngineTrackRecord {
  const logger = input.logger.child({ component: 'trackrecord' });
  const config = () => input.configStore.current();
  const service = createTrackRecordService({
    mode: input.mode,
    journal: input.journal,
    userData: input.userData,
    config,
    now: () => input.clock.now(),
    logger,
    multipliers: async () =>
      new Map(
        (await input.client.rest.listActiveContracts()).map((contract) => [
          contract.symbol,
          contract.multiplier,
        ]),
      ),
  });
  return {
    handlers: createTrackRecordHandlers(service),
    liveSizeCap:
      input.mode === 'live'
        ? createLiveSizeCap(service, () => config().trading.risk.liveSizeCap, logger).current
        : () => undefined,
  };
}
