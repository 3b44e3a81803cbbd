import { Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { KeyEntry } from '../../../../../shared/ipc/channels/secrets.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useKeyEntry, type KeyFields } from './useKeyEntry.ts';
import { VerdictNotice } from './VerdictNotice.tsx';

/** Whether the form saves a first key or rotates to a new one. */
export type KeyFormPurpose = 'save' | 'rotate';

function Fields(props: {
  readonly fields: KeyFields;
  readonly set: (name: keyof KeyFields) => (value: string) => void;
}) {
  const { fields, set } = props;
  // autoComplete off: the browser must not offer to remember an exchange secret.
  return (
    <>
      <TextInput
        label="API key"
        autoComplete="off"
        spellCheck={false}
        data-testid="key-input"
        value={fields.apiKey}
        onChange={(e) => {
          set('apiKey')(e.currentTarget.value);
        }}
      />
      <PasswordInput
        label="API secret"
        autoComplete="new-password"
        data-testid="secret-input"
        value={fields.apiSecret}
        onChange={(e) => {
          set('apiSecret')(e.currentTarget.value);
        }}
      />
      <PasswordInput
        label="API passphrase"
        autoComplete="new-password"
        data-testid="passphrase-input"
        value={fields.passphrase}
        onChange={(e) => {
          set('passphrase')(e.currentTarget.value);
        }}
      />
      <Group gap="xs">
        <Text size="sm">Key version</Text>
        <SegmentedControl
          size="xs"
          data={['3', '2', '1']}
          value={fields.keyVersion}
          data-testid="key-version"
          onChange={(value) => {
            set('keyVersion')(value);
          }}
        />
      </Group>
    </>
  );
}

/** Enter a key, verify it (nothing stored), then save it or rotate to it. */
export function KeyForm(props: {
  readonly purpose: KeyFormPurpose;
  readonly commit: (entry: KeyEntry) => Promise<unknown>;
  readonly onCommitted: () => void;
}): React.JSX.Element {
  const entry = useKeyEntry(props.commit, props.onCommitted);
  const commitLabel = props.purpose === 'save' ? 'Verify and save' : 'Verify and switch to this key';
  return (
    <Stack gap="sm" data-testid={`key-form-${props.purpose}`}>
      <Fields fields={entry.fields} set={entry.set} />
      <Group>
        <Button
          variant="default"
          disabled={!entry.complete}
          loading={entry.busy === 'verify'}
          data-testid="verify-key"
          onClick={entry.verify}
        >
          Verify only
        </Button>
        <Button
          disabled={!entry.complete}
          loading={entry.busy === 'commit'}
          data-testid={`${props.purpose}-key`}
          onClick={entry.commit}
        >
          {commitLabel}
        </Button>
      </Group>
      {entry.outcome.kind === 'verdict' ? <VerdictNotice verdict={entry.outcome.verdict} /> : null}
      {entry.outcome.kind === 'error' ? <ErrorNotice error={entry.outcome.error} testId="key-error" /> : null}
    </Stack>
  );
}
