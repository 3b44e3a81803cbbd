import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { useState } from 'react';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { useTicketStore } from '../../stores/ticket.store.ts';
import { useUiStore } from '../../stores/ui.store.ts';
import { useKillSwitchPrompt } from '../trading-state/kill-switch-prompt.ts';
import { CancelAllDialog, ClosePositionDialog } from './HotkeyConfirmations.tsx';
import { HotkeysHelp } from './HotkeysHelp.tsx';
import { ignoreKeyPress } from './hotkey-guard.ts';
import { hotkeyTable, type HotkeyAction } from './hotkey-table.ts';

type Dialog = 'help' | 'cancel-all' | 'close-position' | undefined;

/** The size input the ticket marks for F (lots or USDT, whichever is showing). */
function ticketSizeInput(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('input[data-ticket-size-input="true"]');
}

/** F: the size field; from another page, the trade view first (the field exists once it renders). */
function focusTicketSize(): void {
  const input = ticketSizeInput();
  if (input !== null) {
    input.focus();
    input.select();
    return;
  }
  useUiStore.getState().showView('trade');
  setTimeout(() => ticketSizeInput()?.focus(), 0);
}

/**
 * B / S: only a ticket on screen sends, so the trader sees the ticket, its preview and any
 * denial. From another page the key brings up the trade view and sends nothing.
 */
function submitFromTicket(side: 'buy' | 'sell'): void {
  const ticket = useTicketStore.getState();
  if (ticket.mountedTickets === 0) {
    useUiStore.getState().showView('trade');
    return;
  }
  ticket.requestSubmit(side);
}

function useRunAction(openDialog: (dialog: Dialog) => void): (action: HotkeyAction) => void {
  const setTimeframe = useSettingsStore((state) => state.setTimeframe);
  const openKillSwitch = useKillSwitchPrompt((state) => state.setOpened);
  return (action) => {
    if (action.kind === 'buy' || action.kind === 'sell') submitFromTicket(action.kind);
    else if (action.kind === 'timeframe') setTimeframe(action.timeframe);
    else if (action.kind === 'focus-size') focusTicketSize();
    else if (action.kind === 'kill-switch') openKillSwitch(true);
    else openDialog(action.kind);
  };
}

/**
 * The keyboard shortcuts of {@link hotkeyTable}, with their confirmations and the `?` help.
 * Mount once, at the app's root: it listens on the whole document. None fires while typing in a
 * field or while a modal is open.
 */
export function Hotkeys(): React.JSX.Element {
  const symbol = useSettingsStore((state) => state.symbol);
  const [dialog, setDialog] = useState<Dialog>(undefined);
  const run = useRunAction(setDialog);
  const close = (): void => {
    setDialog(undefined);
  };
  const bindings: HotkeyItem[] = hotkeyTable.map((row) => [
    row.keys,
    (event) => {
      if (!ignoreKeyPress(event)) run(row.action);
    },
  ]);
  useHotkeys(bindings);
  return (
    <>
      <HotkeysHelp opened={dialog === 'help'} onClose={close} />
      <CancelAllDialog opened={dialog === 'cancel-all'} onClose={close} />
      <ClosePositionDialog opened={dialog === 'close-position'} onClose={close} symbol={symbol} />
    </>
  );
}
