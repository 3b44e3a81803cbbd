import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ChannelView, SecretChannelName } from '../../../../../shared/ipc/channels/alerts.ts';
import { TradingError } from '../../../../../shared/errors.ts';
import { fieldErrorsOf } from '../forms/settings-bridge.ts';
import { deleteChannelSecret, setChannelSecret } from './alerts-bridge.ts';

/**
 * A channel's secret: typed here, handed to main (which keeps it in the OS keychain), then the
 * input is cleared. Only whether it is stored and its last four characters are ever shown.
 */
export function ChannelSecret(props: { readonly channel: SecretChannelName; readonly secret: ChannelView['secret']; readonly onView: (view: ChannelView) => void }): React.JSX.Element {
  const { channel, secret } = props;
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<ChannelView>, clear: boolean): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      props.onView(await action());
      if (clear) setTyped('');
    } catch (failure) {
      const refused = failure instanceof TradingError ? failure : undefined;
      setError(refused === undefined ? String(failure) : (Object.values(fieldErrorsOf(refused))[0] ?? refused.message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Text size="sm" data-testid={`alert-secret-status-${channel}`}>
        {secret.label}: {secret.present ? `stored in the keychain (••••${secret.last4})` : 'not stored'}{secret.problem === undefined ? '' : ` — ${secret.problem}`}
      </Text>
      <Group align="flex-end">
        <PasswordInput label={`New ${secret.label}`} value={typed} autoComplete="off" error={error} onChange={(event) => { setTyped(event.currentTarget.value); }} data-testid={`alert-secret-input-${channel}`} />
        <Button variant="light" loading={busy} disabled={typed === ''} onClick={() => { void run(() => setChannelSecret({ channel, secret: typed }), true); }} data-testid={`alert-secret-save-${channel}`}>
          Store in keychain
        </Button>
        {secret.present ? (
          <Button variant="subtle" color="red" loading={busy} onClick={() => { void run(() => deleteChannelSecret(channel), false); }} data-testid={`alert-secret-delete-${channel}`}>
            Delete
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
