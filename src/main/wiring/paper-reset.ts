/**
 * "Reset paper account" (ADR 0160): replaces the trader's paper account at the in-app venue with a
 * fresh one at the balance the trader chose. The venue refuses while anything is open, so a reset
 * never leaves a position without its stop; the reset is journaled like a setting change and pushed
 * as `paper:account-reset` so every view re-reads the account.
 */
import type { PaperResetResult } from '../../shared/ipc/channels/paper.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { ChannelHandlers } from '../ipc/router.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { Logger } from '../observability/logger.ts';
import type { Journal } from '../store/journal.ts';
import type { Clock } from '../time/clock.ts';
import { VenueError } from '../venue/core/index.ts';
import type { RunningVenue } from '../venue/index.ts';
import { PAPER_TRADER_USER_ID } from './paper-account.ts';

/** What the reset needs: the paper venue (absent in live mode), the journal, the clock, the events. */
export interface PaperResetInput {
  readonly venue: RunningVenue | undefined;
  readonly journal: Pick<Journal, 'append'>;
  readonly clock: Clock;
  readonly events: Pick<EventPublisher, 'publish'>;
  readonly logger: Logger;
}

function resetAt(venue: RunningVenue, startingBalanceUsdt: string): string {
  const before = venue.exchange.hasAccount(PAPER_TRADER_USER_ID)
    ? venue.exchange.ledger(PAPER_TRADER_USER_ID).balance
    : null;
  try {
    venue.exchange.resetAccount(PAPER_TRADER_USER_ID, startingBalanceUsdt);
  } catch (error) {
    if (!(error instanceof VenueError)) throw error;
    throw new ValidationError(
      'paper-account-not-flat',
      `The paper account was not reset: ${error.message}. The kill switch with "flatten" closes every position and cancels every order.`,
      { cause: error },
    );
  }
  return before ?? '0';
}

/** The `paper:reset-account` handler. */
export function createPaperResetHandlers(input: PaperResetInput): ChannelHandlers {
  return {
    'paper:reset-account': ({ startingBalanceUsdt }): PaperResetResult => {
      const venue = input.venue;
      if (venue === undefined)
        throw new ValidationError(
          'not-paper-mode',
          'Only the paper account can be reset; Bulwark is trading live. Switch to paper mode first.',
        );
      const previousBalanceUsdt = resetAt(venue, startingBalanceUsdt);
      const result = {
        balanceUsdt: venue.exchange.ledger(PAPER_TRADER_USER_ID).balance,
        resetAt: input.clock.now(),
      };
      input.journal.append(
        'setting-change',
        {
          path: 'paper.account',
          oldValue: previousBalanceUsdt,
          newValue: result.balanceUsdt,
          applies: 'now',
          reset: true,
        },
        { at: result.resetAt },
      );
      input.logger.info('paper-account-reset', { previousBalanceUsdt, balanceUsdt: result.balanceUsdt });
      input.events.publish('paper:account-reset', result);
      return result;
    },
  };
}
