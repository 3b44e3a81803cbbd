/**
 * Whether a shortcut must not act on this key press. Typing in a field is already left alone by
 * `useHotkeys` (it skips INPUT, TEXTAREA, SELECT and contenteditable targets). On top of that:
 * - a held key repeats its keydown, and a held B must not send an order per repeat;
 * - while any modal is open (a confirmation, this help) its own buttons and Escape are what the
 *   keys are for — a B behind a cancel-all dialog would act on a screen the trader cannot see.
 */
export function ignoreKeyPress(event: KeyboardEvent): boolean {
  if (event.repeat) return true;
  return document.querySelector('[role="dialog"][aria-modal="true"]') !== null;
}
