/** The track record part of the engine: its service over the running mode's journal, and its handlers. */
import type { TradingMode } from '../../shared/ipc/channels/app.ts';
import type { ConfigStore } from '../config/store.ts';
import type { ExchangeClient } from '../exchange/index.ts';
import type { ChannelHandlers } from '../ipc/router.ts';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';
import type { Clock } from '../time/clock.ts';
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

/** The handlers of `trackrecord:*`; multipliers come from the exchange's public contract list. */
export function engineTrackRecordHandlers(input: EngineTrackRecordInput): ChannelHandlers {
  const service = createTrackRecordService({
    mode: input.mode, journal: input.journal, userData: input.userData, config: () => input.configStore.current(),
    now: () => input.clock.now(), logger: input.logger.child({ component: 'trackrecord' }),
    multipliers: async () => new Map((await input.client.rest.listActiveContracts()).map((contract) => [contract.symbol, contract.multiplier])),
  });
  return createTrackRecordHandlers(service);
}
