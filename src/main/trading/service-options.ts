/** What the trading service is built from (its own file, so the service and its runtime do not import each other). */
import type { Config } from '../config/schema.ts';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';
import type { Clock } from '../time/clock.ts';
import type { TradingAlert, TradingClient } from './client-port.ts';

/** What {@link createTradingService} needs. */
export interface TradingServiceOptions {
  readonly config: Config;
  readonly client: TradingClient;
  readonly journal: Journal;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly alert: (alert: TradingAlert) => void;
}
