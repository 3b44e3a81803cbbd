import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { AlertRule } from '../../../../../shared/ipc/channels/alerts.ts';
import { TradingError } from '../../../../../shared/errors.ts';
import { fieldErrorsOf, saveSettings } from '../forms/settings-bridge.ts';

const severities = ['critical', 'warning', 'info'];
const channels = ['desktop', 'email', 'sms', 'slack', 'telegram'];

interface RuleRow {
  readonly severity: string;
  /** Comma-separated kinds as typed; empty = every kind of the severity. */
  readonly kinds: string;
  readonly channels: readonly string[];
}

function rowOf(rule: AlertRule): RuleRow {
  return { severity: rule.severity, kinds: (rule.kinds ?? []).join(', '), channels: rule.channels };
}

function ruleOf(row: RuleRow): Record<string, unknown> {
  const kinds = row.kinds
    .split(',')
    .map((kind) => kind.trim())
    .filter((kind) => kind !== '');
  return { severity: row.severity, ...(kinds.length === 0 ? {} : { kinds }), channels: row.channels };
}

function RuleEditor(props: {
  readonly index: number;
  readonly row: RuleRow;
  readonly onChange: (row: RuleRow | undefined) => void;
}): React.JSX.Element {
  const { row, index } = props;
  return (
    <Group align="flex-end" data-testid={`alert-rule-${String(index)}`}>
      <Select
        label="Severity"
        data={severities}
        value={row.severity}
        allowDeselect={false}
        w={120}
        onChange={(value) => {
          if (value !== null) props.onChange({ ...row, severity: value });
        }}
      />
      <TextInput
        label="Only these kinds"
        placeholder="every kind"
        value={row.kinds}
        onChange={(event) => {
          props.onChange({ ...row, kinds: event.currentTarget.value });
        }}
      />
      <MultiSelect
        label="Send to"
        data={channels}
        value={[...row.channels]}
        placeholder="the app only"
        onChange={(value) => {
          props.onChange({ ...row, channels: value });
        }}
        data-testid={`alert-rule-channels-${String(index)}`}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={`Remove rule ${String(index + 1)}`}
        onClick={() => {
          props.onChange(undefined);
        }}
      >
        ×
      </ActionIcon>
    </Group>
  );
}

/** The rule rows being edited and their save through main's schema. */
function useRoutingRules(rules: readonly AlertRule[]) {
  const [rows, setRows] = useState<readonly RuleRow[]>(rules.map(rowOf));
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const change = (index: number, row: RuleRow | undefined): void => {
    setRows((current) =>
      current.flatMap((existing, at) => (at !== index ? [existing] : row === undefined ? [] : [row])),
    );
  };
  const add = (): void => {
    setRows((current) => [...current, { severity: 'warning', kinds: '', channels: ['desktop'] }]);
  };
  const save = async (): Promise<void> => {
    setSaved(false);
    try {
      await saveSettings({ 'alerts.rules': rows.map(ruleOf) });
      setError(undefined);
      setSaved(true);
    } catch (failure) {
      const refused =
        failure instanceof TradingError ? failure : new TradingError('internal-error', String(failure));
      setError(fieldErrorsOf(refused)['alerts.rules'] ?? refused.message);
    }
  };
  return { rows, error, saved, change, add, save };
}

/** The outcome of the last save: main's refusal, or that the routing is in force. */
function RoutingOutcome(props: {
  readonly error: string | undefined;
  readonly saved: boolean;
}): React.JSX.Element {
  return (
    <>
      {props.error === undefined ? null : (
        <Alert color="red" variant="light" data-testid="alert-routing-error">
          {props.error}
        </Alert>
      )}
      {props.saved ? (
        <Text size="sm" c="teal" data-testid="alert-routing-saved">
          Routing saved (journaled); in force now.
        </Text>
      ) : null}
    </>
  );
}

/** Routing: severity (and optionally kind) → channels, first matching rule wins; saved through main's schema. */
export function RoutingRules(props: { readonly rules: readonly AlertRule[] }): React.JSX.Element {
  const { rows, error, saved, change, add, save } = useRoutingRules(props.rules);
  return (
    <Stack gap="xs" data-testid="alert-routing">
      <Title order={4}>Routing</Title>
      <Text size="sm" c="dimmed">
        The first rule that matches an alert decides where it goes.
      </Text>
      {rows.map((row, index) => (
        <RuleEditor
          key={String(index)}
          index={index}
          row={row}
          onChange={(next) => {
            change(index, next);
          }}
        />
      ))}
      <RoutingOutcome error={error} saved={saved} />
      <Group>
        <Button variant="light" onClick={add}>
          Add rule
        </Button>
        <Button
          onClick={() => {
            void save();
          }}
          data-testid="alert-routing-save"
        >
          Save routing
        </Button>
      </Group>
    </Stack>
  );
}
