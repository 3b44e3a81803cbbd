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

function ConfirmDialog(
  props: ConfirmActionProps & { readonly opened: boolean; readonly onClose: () => void },
) {
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

/** A button that asks before it acts: for actions that cancel, close or halt. */
export function ConfirmAction(props: ConfirmActionProps): React.JSX.Element {
  const [opened, setOpened] = useState(false);
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
