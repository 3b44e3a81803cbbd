import type { Timeframe } from '../../stores/settings.store.ts';

/** What a shortcut does; the hotkeys component maps each kind to its action. */
export type HotkeyAction =
  | { readonly kind: 'buy' }
  | { readonly kind: 'sell' }
  | { readonly kind: 'cancel-all' }
  | { readonly kind: 'close-position' }
  | { readonly kind: 'kill-switch' }
  | { readonly kind: 'focus-size' }
  | { readonly kind: 'timeframe'; readonly timeframe: Timeframe }
  | { readonly kind: 'help' };

/** One shortcut: the key as `useHotkeys` reads it, as the help shows it, and what it does. */
export interface HotkeyRow {
  /** @mantine/hooks syntax: `b`, `shift+c`. */
  readonly keys: string;
  /** As printed on the keyboard: `B`, `Shift+C`. */
  readonly shown: string;
  /** In the trader's words, for the help overlay. */
  readonly does: string;
  readonly action: HotkeyAction;
}

function timeframeRow(digit: string, timeframe: Timeframe): HotkeyRow {
  return {
    keys: digit,
    shown: digit,
    does: `Chart timeframe ${timeframe}`,
    action: { kind: 'timeframe', timeframe },
  };
}

/**
 * Every shortcut, in the order the help lists them: the one source for both the bindings and the
 * help text, so the overlay cannot describe a key that does something else (ADR 0540). Keys
 * that send, cancel or close ask first or go through the ticket's own checks.
 */
export const hotkeyTable: readonly HotkeyRow[] = [
  {
    keys: 'b',
    shown: 'B',
    does: 'Buy with the ticket as it stands (risk preview first; a denial is shown, nothing is sent)',
    action: { kind: 'buy' },
  },
  {
    keys: 's',
    shown: 'S',
    does: 'Sell with the ticket as it stands (risk preview first; a denial is shown, nothing is sent)',
    action: { kind: 'sell' },
  },
  {
    keys: 'shift+c',
    shown: 'Shift+C',
    does: 'Cancel all open orders (asks first; stops stay)',
    action: { kind: 'cancel-all' },
  },
  {
    keys: 'shift+x',
    shown: 'Shift+X',
    does: "Close the chart symbol's position at market (asks first)",
    action: { kind: 'close-position' },
  },
  { keys: 'shift+k', shown: 'Shift+K', does: 'Kill switch (asks first)', action: { kind: 'kill-switch' } },
  { keys: 'f', shown: 'F', does: "Put the cursor in the ticket's size", action: { kind: 'focus-size' } },
  timeframeRow('1', '1m'),
  timeframeRow('2', '5m'),
  timeframeRow('3', '15m'),
  timeframeRow('4', '1h'),
  timeframeRow('5', '4h'),
  timeframeRow('6', '1d'),
  // `?` is Shift+/ on most keyboards; @mantine/hooks compares the Shift state exactly.
  { keys: 'shift+?', shown: '?', does: 'Show these shortcuts', action: { kind: 'help' } },
];
