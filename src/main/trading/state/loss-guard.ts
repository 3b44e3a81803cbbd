/**
 * Daily realised loss and the stop-out streak (freqtrade's StoplossGuard / MaxDrawdown, ADR 0301).
 * Realised PnL is summed exactly (decimal), per UTC day.
 */
import { add, cmp, dec, format, type Dec, ZERO } from '../../../shared/domain/decimal.ts';

const DAY_MS = 86_400_000;

/** What a closed trade contributes. */
export interface ClosedTrade {
  readonly realisedPnlUsdt: string;
  /** Whether our protective stop closed it. */
  readonly byStop: boolean;
  readonly at: number;
  /** A funding settlement counts toward the day's PnL but is not a trade: the streak stays. */
  readonly funding?: boolean;
  /** A partial reduction counts toward the day's PnL; only whole closes move the stop-out streak. */
  readonly partial?: boolean;
}

/** The guard's verdicts after a trade. */
export interface LossGuardStatus {
  readonly dailyRealisedPnl: string;
  readonly dailyLossLimitHit: boolean;
  readonly consecutiveStopOuts: number;
  readonly stopOutLimitHit: boolean;
}

/** Tracks realised PnL per UTC day and consecutive stop-outs. */
export interface LossGuard {
  record(trade: ClosedTrade): LossGuardStatus;
  status(now: number): LossGuardStatus;
  /** The trader acknowledges the streak (clears the stop-out trigger). */
  resetStreak(): void;
  /** Persistable snapshot and restore, so a restart does not forget today's losses. */
  snapshot(): { day: number; pnl: string; streak: number };
  restore(snapshot: { day: number; pnl: string; streak: number }): void;
}

/** A limit fixed at construction, or read each time it is checked (a setting the trader may change while trading). */
type LimitSource<T> = T | (() => T);

function read<T extends string | number>(source: LimitSource<T>): T {
  return typeof source === 'function' ? source() : source;
}

/**
 * Builds a guard with a daily loss limit (USDT, positive) and a stop-out streak limit. Either may
 * be a reader: the limits are then read at every check, so a limit changed in Settings applies
 * to the next status without a restart (the day's PnL and the streak are kept).
 */
export function createLossGuard(
  dailyLossLimitUsdt: LimitSource<string>,
  maxConsecutiveStopOuts: LimitSource<number>,
): LossGuard {
  const lossLimit = (): Dec => {
    const limit = dec(read(dailyLossLimitUsdt));
    return { m: -limit.m, s: limit.s };
  };
  let day = -1;
  let pnl: Dec = ZERO;
  let streak = 0;
  const roll = (now: number): void => {
    const today = Math.floor(now / DAY_MS);
    if (today !== day) {
      day = today;
      pnl = ZERO;
    }
  };
  const status = (): LossGuardStatus => ({
    dailyRealisedPnl: format(pnl, 2),
    dailyLossLimitHit: cmp(pnl, lossLimit()) <= 0,
    consecutiveStopOuts: streak,
    stopOutLimitHit: streak >= read(maxConsecutiveStopOuts),
  });
  return {
    record(trade) {
      roll(trade.at);
      pnl = add(pnl, dec(trade.realisedPnlUsdt));
      if (trade.funding !== true && trade.partial !== true)
        streak = trade.byStop && trade.realisedPnlUsdt.startsWith('-') ? streak + 1 : 0;
      return status();
    },
    status(now) {
      roll(now);
      return status();
    },
    resetStreak() {
      streak = 0;
    },
    snapshot: () => ({ day, pnl: format(pnl), streak }),
    restore(snapshot) {
      day = snapshot.day;
      pnl = dec(snapshot.pnl);
      streak = snapshot.streak;
    },
  };
}
