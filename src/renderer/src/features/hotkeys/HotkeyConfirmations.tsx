import { call } from '../../bridge/index.ts';
import { ConfirmDialog } from '../../components/ConfirmAction.tsx';
import { useTrading } from '../../stores/hooks.ts';

/** Props of a shortcut's confirmation dialog. */
export interface ShortcutDialogProps {
  readonly opened: boolean;
  readonly onClose: () => void;
}

/** Shift+C: cancel every working order after a confirmation; protective stops stay (main keeps them). */
export function CancelAllDialog(props: ShortcutDialogProps): React.JSX.Element {
  return (
    <ConfirmDialog
      {...props}
      title="Cancel all open orders?"
      confirmLabel="Cancel all orders"
      testId="hotkey-cancel-all"
      body="Cancels every working entry and close order on every symbol. Protective stops stay: they guard open positions."
      onConfirm={() => call('trading:cancel-all', {})}
    />
  );
}

/** Shift+X: close the chart symbol's position at market after a confirmation. */
export function ClosePositionDialog(props: ShortcutDialogProps & { readonly symbol: string }) {
  const position = useTrading((state) => state.positions[props.symbol]);
  return (
    <ConfirmDialog
      opened={props.opened}
      onClose={props.onClose}
      title={`Close ${props.symbol}?`}
      confirmLabel="Close at market"
      testId="hotkey-close-position"
      disabled={position === undefined}
      body={
        position === undefined
          ? `There is no open ${props.symbol} position to close.`
          : `Sends a reduce-only market order for ${position.sizeLots} lots (${position.side}) and cancels its stops once flat.`
      }
      onConfirm={() => call('trading:close-position', { symbol: props.symbol })}
    />
  );
}
