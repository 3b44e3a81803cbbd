import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { toTradingError, type TradingError } from '../../../shared/errors.ts';
import { ErrorNotice } from './ErrorNotice.tsx';

/** What the confirmation dialog says and does. */
export interface ConfirmActionProps {
  readonly label: string;
  readonly title: string;
  readonly body: React.ReactNode;
  readonly confirmLabel: string;
  readonly testId: string;
  readonly color?: ButtonProps['color'];
  readonly size?: ButtonProps['size'];
  readonly variant?: ButtonProps['variant'];
  readonly disabled?: boolean;
  /** Runs on confirm; a rejection is shown in the dialog, which stays open. */
  readonly onConfirm: () => Promise<unknown>;
}

/** The dialog alone, for a caller that opens it another way (a keyboard shortcut). */
export type ConfirmDialogProps = Omit<ConfirmActionProps, 'label' | 'size' | 'variant'> & {
  readonly opened: boolean;
  readonly onClose: () => void;
};

/** The confirmation dialog {@link ConfirmAction} opens; `disabled` keeps its confirm button off. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TradingError | undefined>(undefined);
  const { onClose } = props;
  const confirm = (): void => {
    setBusy(true);
    setError(undefined);
    props.onConfirm().then(
      () => {
        setBusy(false);
        onClose();
      },
      (caught: unknown) => {
        setBusy(false);
        setError(toTradingError(caught));
      },
    );
  };
  return (
    <Modal opened={props.opened} onClose={onClose} title={props.title} centered>
      <Stack gap="sm">
        <Text size="sm" component="div">
          {props.body}
        </Text>
        {error === undefined ? null : <ErrorNotice error={error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Keep as is
          </Button>
          <Button
            color={props.color ?? 'red'}
            loading={busy}
            disabled={props.disabled ?? false}
            data-testid={`${props.testId}-confirm`}
            onClick={confirm}
          >
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Open state from outside, so a shortcut can open the same dialog as the button. */
export interface ConfirmActionControl {
  readonly opened: boolean;
  readonly onOpenedChange: (opened: boolean) => void;
}

/** A button that asks before it acts: for actions that cancel, close or halt. */
export function ConfirmAction(
  props: ConfirmActionProps & { readonly control?: ConfirmActionControl },
): React.JSX.Element {
  const [ownOpened, setOwnOpened] = useState(false);
  const opened = props.control?.opened ?? ownOpened;
  const setOpened = props.control?.onOpenedChange ?? setOwnOpened;
  return (
    <>
      <Button
        color={props.color ?? 'red'}
        size={props.size ?? 'xs'}
        variant={props.variant ?? 'light'}
        data-testid={props.testId}
        disabled={props.disabled ?? false}
        onClick={() => {
          setOpened(true);
        }}
      >
        {props.label}
      </Button>
      <ConfirmDialog
        {...props}
        opened={opened}
        onClose={() => {
          setOpened(false);
        }}
      />
    </>
  );
}
