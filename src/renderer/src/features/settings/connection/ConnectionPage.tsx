import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Connection } from '../../../../../shared/ipc/channels/secrets.ts';
import { ConfirmAction } from '../../../components/ConfirmAction.tsx';
import { LiveReadinessNotice } from '../../track-record/LiveReadinessNotice.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { KeyForm } from './KeyForm.tsx';
import { ProfileCard } from './ProfileCard.tsx';
import { secretsApi } from './secrets-bridge.ts';
import { useConnection } from './useConnection.ts';

function LiveKey(props: { readonly connection: Connection; readonly reload: () => void }): React.JSX.Element {
  const { live } = props.connection;
  const [notices, setNotices] = useState<readonly string[]>([]);
  const rotate = async (entry: Parameters<typeof secretsApi.rotateKey>[0]) => {
    const result = await secretsApi.rotateKey(entry);
    setNotices(result.notices);
  };
  return (
    <ProfileCard status={live} title={`KuCoin key (${props.connection.liveHost})`}>
      {live.state === 'absent' ? (
        <KeyForm purpose="save" commit={secretsApi.saveKey} onCommitted={props.reload} />
      ) : (
        <>
          <Text size="sm" fw={600}>
            Rotate to a new key
          </Text>
          <Text size="xs" c="dimmed">
            The current key keeps working until the new one is verified and switched in.
          </Text>
          <KeyForm purpose="rotate" commit={rotate} onCommitted={props.reload} />
          {notices.map((n) => (
            <Alert key={n} color="blue" variant="light" data-testid="rotation-notice">
              {n}
            </Alert>
          ))}
          <ConfirmAction
            label="Delete key"
            title={`Delete key ••••${live.keyLast4}?`}
            confirmLabel="Delete from keychain"
            testId="delete-key"
            body="Bulwark forgets the key (it is removed from the OS keychain). Live trading stops until you enter a key again. Delete the key in KuCoin → API Management too if you no longer use it."
            onConfirm={async () => {
              await secretsApi.deleteKey(live.keyLast4);
              props.reload();
            }}
          />
        </>
      )}
    </ProfileCard>
  );
}

/**
 * Settings → Connection: the trader's KuCoin key (enter, verify, rotate, delete) and the paper
 * venue's generated key. Secrets are typed here and sent to main; nothing stored is ever shown
 * beyond the key's last four characters.
 */
export function ConnectionPage(): React.JSX.Element {
  const { state, reload } = useConnection();
  return (
    <Stack gap="md" data-testid="connection-page">
      <Title order={3}>Connection</Title>
      {state.kind === 'loading' ? <Loader size="sm" data-testid="connection-loading" /> : null}
      {state.kind === 'error' ? <ErrorNotice error={state.error} testId="connection-error" /> : null}
      {state.kind === 'ready' ? (
        <>
          <Text size="sm" data-testid="connection-mode">
            Trading mode: {state.connection.mode === 'live' ? 'LIVE (KuCoin)' : 'PAPER (built-in venue)'}
          </Text>
          {state.connection.mode === 'paper' ? <LiveReadinessNotice /> : null}
          <LiveKey connection={state.connection} reload={reload} />
          <ProfileCard status={state.connection.paper} title="Paper venue key (generated)" />
        </>
      ) : null}
    </Stack>
  );
}
