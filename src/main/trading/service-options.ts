/** What the trading service is built from (its own file, so the service and its runtime do not import each other). */
import type { Config } from '../config/schema.ts';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';
import type { Clock } from '../time/clock.ts';
import type { TradingAlert, TradingClient } from './client-port.ts';
import type { AtrSource } from './trailing/atr-source.ts';

/** What {@link createTradingService} needs. */
export interface TradingServiceOptions {
  readonly config: Config;
  /**
   * The configuration in force, when it can change while trading (the settings file): the risk
   * engine, protection, trailing and the loss guard read it at every check. Without it, `config` holds.
   */
  readonly currentConfig?: () => Config;
  readonly client: TradingClient;
  readonly journal: Journal;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly alert: (alert: TradingAlert) => void;
  /** ATR per timeframe (the analysis room), for ATR trailing and the liquidation distance in ATRs. */
  readonly atr: AtrSource;
  /**
   * The optional `against-verdict` rule (off by default, ADR 0703): why an entry on `side` goes
   * against the multi-timeframe verdict strongly enough to refuse it, or undefined.
   */
  readonly verdictCheck?: (symbol: string, side: 'buy' | 'sell') => VerdictObjection | undefined;
  /** The optional live size cap (ADR 0653): the paper record's stage and its cap in USDT, or undefined for no cap. */
  readonly liveSizeCap?: () => { readonly stage: string; readonly maxNotionalUsdt: number } | undefined;
}

/** An objection of the verdict rule: the sentence and its numbers. */
export interface VerdictObjection {
  readonly message: string;
  readonly numbers: Readonly<Record<string, string | number | boolean>>;
}
