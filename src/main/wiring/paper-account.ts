/**
 * The paper account's file (ADR 0160): the app's paper venue keeps its accounts in
 * `<userData>/paper/account.sqlite`, so balance, positions, orders, fills and funding outlive a
 * restart or a crash like an account at KuCoin does. The trader's account at the venue has a
 * fixed id, so it is the same account whichever paper key (keychain or ephemeral) signs for it.
 */
import { join } from 'node:path';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { VenueClock } from '../venue/core/index.ts';
import { createVenueClock } from '../venue/core/index.ts';
import type { RunningVenue } from '../venue/index.ts';
import { openPaperAccountStore } from '../venue/persist/paper-account-store.ts';
import type { PaperAccountStore } from '../venue/persist/paper-account-store.ts';

/** The venue account id of the trader's paper account (every paper key trades for it). */
export const PAPER_TRADER_USER_ID = 'paper-trader';

/** Where the paper account of the user-data folder `userData` lives. */
export function paperAccountFile(userData: string): string {
  return join(userData, 'paper', 'account.sqlite');
}

/** Opens the paper account of `userData` (throws ConfigError naming a damaged file and what to do). */
export function openPaperAccount(userData: string, logger: Logger): PaperAccountStore {
  return openPaperAccountStore({ filePath: paperAccountFile(userData), logger });
}

/**
 * Venue time for a restored account: never earlier than its last save (a venue that ran faster
 * than the wall clock last time must not settle the same funding time twice), then `timeScale`.
 */
export function resumedVenueClock(store: PaperAccountStore, wall: Clock, timeScale: number): VenueClock {
  const savedAtMs = store.savedAtMs();
  return createVenueClock({
    timeScale,
    wall,
    startMs: Math.max(wall.now(), savedAtMs ?? Number.NEGATIVE_INFINITY),
  });
}

/** `venue` whose stop also closes the account file, after the venue stopped writing to it. */
export function closingStoreOnStop(venue: RunningVenue, store: PaperAccountStore): RunningVenue {
  return {
    ...venue,
    stop: async () => {
      try {
        await venue.stop();
      } finally {
        store.close();
      }
    },
  };
}
