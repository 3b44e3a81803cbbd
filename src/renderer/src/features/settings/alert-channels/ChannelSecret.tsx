import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChannelView, SecretChannelName } from '../../../../../shared/ipc/channels/alerts.ts';
import { TradingError } from '../../../../../shared/errors.ts';
import { fieldErrorsOf } from '../forms/settings-bridge.ts';
import { deleteChannelSecret, setChannelSecret } from './alerts-bridge.ts';

/** What a refused secret action says: its first field message, else its own message. */
function messageOf(failure: unknown): string {
  const refused = failure instanceof TradingError ? failure : undefined;
  return refused === undefined
    ? String(failure)
    : (Object.values(fieldErrorsOf(refused))[0] ?? refused.message);
}

/** The typed secret and the store/delete actions, one at a time, with their error. */
function useSecretActions(onView: (view: ChannelView) => void) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<ChannelView>, clear: boolean): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      onView(await action());
      if (clear) setTyped('');
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return { typed, setTyped, error, busy, run };
}

/** Whether the secret is stored (with its last four characters) and any problem reading it. */
function SecretStatus(props: {
  readonly channel: SecretChannelName;
  readonly secret: ChannelView['secret'];
}): React.JSX.Element {
  const { channel, secret } = props;
  return (
    <Text size="sm" data-testid={`alert-secret-status-${channel}`}>
      {secret.label}: {secret.present ? `stored in the keychain (••••${secret.last4})` : 'not stored'}
      {secret.problem === undefined ? '' : ` — ${secret.problem}`}
    </Text>
  );
}

/**
 * A channel's secret: typed here, handed to main (which keeps it in the OS keychain), then the
 * input is cleared. Only whether it is stored and its last four characters are ever shown.
 */
export function ChannelSecret(props: {
  readonly channel: SecretChannelName;
  readonly secret: ChannelView['secret'];
  readonly onView: (view: ChannelView) => void;
}): React.JSX.Element {
  const { channel, secret } = props;
  const { typed, setTyped, error, busy, run } = useSecretActions(props.onView);
  return (
    <Stack gap={4}>
      <SecretStatus channel={channel} secret={secret} />
      <Group align="flex-end">
        <PasswordInput
          label={`New ${secret.label}`}
          value={typed}
          autoComplete="off"
          error={error}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
          }}
          data-testid={`alert-secret-input-${channel}`}
        />
        <Button
          variant="light"
          loading={busy}
          disabled={typed === ''}
          onClick={() => {
            void run(() => setChannelSecret({ channel, secret: typed }), true);
          }}
          data-testid={`alert-secret-save-${channel}`}
        >
          Store in keychain
        </Button>
        {secret.present ? (
          <Button
            variant="subtle"
            color="red"
            loading={busy}
            onClick={() => {
              void run(() => deleteChannelSecret(channel), false);
            }}
            data-testid={`alert-secret-delete-${channel}`}
          >
            Delete
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
