import { Button, Card, Group, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChannelView } from '../../../../../shared/ipc/channels/alerts.ts';
import { TradingError } from '../../../../../shared/errors.ts';
import { fieldErrorsOf } from '../forms/settings-bridge.ts';
import { updateChannel } from './alerts-bridge.ts';
import { ChannelSecret } from './ChannelSecret.tsx';
import { ChannelTest } from './ChannelTest.tsx';
import {
  channelFieldChoices,
  channelFieldLabels,
  channelFieldOf,
  draftFromSettings,
  settingsFromDraft,
  type ChannelDraft,
} from './channel-fields.ts';

function FieldInput(props: {
  readonly channel: string;
  readonly name: string;
  readonly value: string | boolean;
  readonly error: string | undefined;
  readonly onChange: (value: string | boolean) => void;
}): React.JSX.Element {
  const { name, value, error } = props;
  const label = channelFieldLabels[name] ?? name;
  const testId = `alert-${props.channel}-${name}`;
  if (typeof value === 'boolean')
    return (
      <Switch
        label={label}
        checked={value}
        error={error}
        onChange={(event) => {
          props.onChange(event.currentTarget.checked);
        }}
        data-testid={testId}
      />
    );
  const choices = channelFieldChoices[name];
  if (choices !== undefined)
    return (
      <Select
        label={label}
        data={choices}
        value={value}
        error={error}
        allowDeselect={false}
        onChange={(next) => {
          if (next !== null) props.onChange(next);
        }}
        data-testid={testId}
      />
    );
  return (
    <TextInput
      label={label}
      value={value}
      error={error}
      description={name === 'to' && props.channel === 'email' ? 'Comma-separated, up to 5.' : undefined}
      onChange={(event) => {
        props.onChange(event.currentTarget.value);
      }}
      data-testid={testId}
    />
  );
}

/** Per-field messages of a refused save; a refusal naming no field is shown under the switch. */
function errorsOfRefusal(error: unknown): Record<string, string> {
  const refused = error instanceof TradingError ? error : new TradingError('internal-error', String(error));
  const perField = Object.fromEntries(
    Object.entries(fieldErrorsOf(refused)).map(([path, message]) => [channelFieldOf(path), message]),
  );
  return Object.keys(perField).length === 0 ? { enabled: refused.message } : perField;
}

/** The card's state: the saved view, the draft being edited, its errors and the save notice. */
function useChannelCard(initial: ChannelView) {
  const [view, setView] = useState(initial);
  const [draft, setDraft] = useState<ChannelDraft>(draftFromSettings(initial.settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string>();
  const save = async (): Promise<void> => {
    setNotice(undefined);
    try {
      const saved = await updateChannel({
        channel: view.channel,
        settings: settingsFromDraft(draft, view.settings),
      });
      setView(saved);
      setDraft(draftFromSettings(saved.settings));
      setErrors({});
      setNotice('Saved (journaled); in force now.');
    } catch (error) {
      setErrors(errorsOfRefusal(error));
      setNotice('Nothing was saved.');
    }
  };
  return { view, setView, draft, setDraft, errors, notice, save };
}

/** One alert channel: its settings (checked by main), its secret (keychain only) and a test send. */
export function ChannelCard(props: { readonly view: ChannelView }): React.JSX.Element {
  const { view, setView, draft, setDraft, errors, notice, save } = useChannelCard(props.view);
  return (
    <Card withBorder data-testid={`alert-channel-${view.channel}`}>
      <Stack gap="xs">
        <Title order={5} tt="capitalize">
          {view.channel}
        </Title>
        {Object.entries(draft).map(([name, value]) => (
          <FieldInput
            key={name}
            channel={view.channel}
            name={name}
            value={value}
            error={errors[name]}
            onChange={(next) => {
              setDraft((current) => ({ ...current, [name]: next }));
            }}
          />
        ))}
        {view.channel === 'desktop' ? null : (
          <ChannelSecret channel={view.channel} secret={view.secret} onView={setView} />
        )}
        <Group>
          <Button
            onClick={() => {
              void save();
            }}
            data-testid={`alert-save-${view.channel}`}
          >
            Save {view.channel}
          </Button>
          <ChannelTest channel={view.channel} />
        </Group>
        {notice === undefined ? null : (
          <Text size="sm" data-testid={`alert-notice-${view.channel}`}>
            {notice}
          </Text>
        )}
        {view.lastDelivery === undefined ? null : (
          <Text size="xs" c="dimmed">
            Last delivery: {view.lastDelivery.outcome} at {new Date(view.lastDelivery.at).toLocaleString()}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
