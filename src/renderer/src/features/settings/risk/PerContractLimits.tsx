import { ActionIcon, Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { TradingError } from '../../../../../shared/errors.ts';
import type { SettingsView } from '../../../../../shared/ipc/channels/settings.ts';
import { fieldErrorsOf, loadSettings, saveSettings } from '../forms/settings-bridge.ts';
import { mapOf, rowsOf, type ContractLimitRow } from './per-contract-rows.ts';

const path = 'trading.risk.perContractLimits';

function RowEditor(props: {
  readonly index: number;
  readonly row: ContractLimitRow;
  readonly onChange: (row: ContractLimitRow | undefined) => void;
}): React.JSX.Element {
  const { row, index } = props;
  const id = `per-contract-${String(index)}`;
  return (
    <Group align="flex-end" data-testid={id}>
      <TextInput
        label="Contract"
        placeholder="ETHUSDTM"
        value={row.symbol}
        onChange={(event) => {
          props.onChange({ ...row, symbol: event.currentTarget.value });
        }}
        data-testid={`${id}-symbol`}
      />
      <TextInput
        label="Max position (lots)"
        inputMode="numeric"
        value={row.maxPositionLots}
        onChange={(event) => {
          props.onChange({ ...row, maxPositionLots: event.currentTarget.value });
        }}
        data-testid={`${id}-lots`}
      />
      <TextInput
        label="Max position value (USDT)"
        inputMode="decimal"
        value={row.maxPositionNotionalUsdt}
        onChange={(event) => {
          props.onChange({ ...row, maxPositionNotionalUsdt: event.currentTarget.value });
        }}
        data-testid={`${id}-notional`}
      />
      <ActionIcon
        variant="subtle"
        color="red"
        aria-label={`Remove the limits of ${row.symbol === '' ? 'this row' : row.symbol}`}
        onClick={() => {
          props.onChange(undefined);
        }}
      >
        ×
      </ActionIcon>
    </Group>
  );
}

/** The rows of the per-contract setting in a settings view. */
function rowsIn(view: SettingsView): readonly ContractLimitRow[] {
  return rowsOf(view.fields.find((field) => field.path === path)?.value);
}

/** Saves the rows whole: the rows as main now holds them, or main's refusal. */
async function saveRows(
  rows: readonly ContractLimitRow[],
): Promise<{ readonly rows: readonly ContractLimitRow[] } | { readonly refusal: string }> {
  try {
    return { rows: rowsIn((await saveSettings({ [path]: mapOf(rows) })).view) };
  } catch (failure) {
    const refused =
      failure instanceof TradingError ? failure : new TradingError('internal-error', String(failure));
    return { refusal: fieldErrorsOf(refused)[path] ?? refused.message };
  }
}

/** The rows (undefined until loaded), their editing, and the outcome of the last load or save. */
function usePerContractLimits() {
  const [rows, setRows] = useState<readonly ContractLimitRow[]>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    loadSettings().then(
      (view) => {
        setRows(rowsIn(view));
      },
      (failure: unknown) => {
        setError(failure instanceof Error ? failure.message : String(failure));
        setRows([]);
      },
    );
  }, []);
  const change = (index: number, row: ContractLimitRow | undefined): void => {
    if (rows === undefined) return;
    setSaved(false);
    setRows(rows.flatMap((existing, at) => (at !== index ? [existing] : row === undefined ? [] : [row])));
  };
  const add = (): void => {
    if (rows !== undefined)
      setRows([...rows, { symbol: '', maxPositionLots: '', maxPositionNotionalUsdt: '' }]);
  };
  const save = async (): Promise<void> => {
    if (rows === undefined) return;
    const outcome = await saveRows(rows);
    if ('refusal' in outcome) {
      setError(outcome.refusal);
      return;
    }
    setRows(outcome.rows);
    setError(undefined);
    setSaved(true);
  };
  return { rows, error, saved, change, add, save };
}

/** The outcome of the last load or save: main's refusal, or that the limits are in force. */
function PerContractOutcome(props: {
  readonly error: string | undefined;
  readonly saved: boolean;
}): React.JSX.Element {
  return (
    <>
      {props.error === undefined ? null : (
        <Alert color="red" variant="light" data-testid="per-contract-error">
          {props.error}
        </Alert>
      )}
      {props.saved ? (
        <Text size="sm" c="teal" data-testid="per-contract-saved">
          Per-contract limits saved (journaled); in force now.
        </Text>
      ) : null}
    </>
  );
}

/** Per-contract overrides of the size and value limits, saved whole (a row removed is removed). */
export function PerContractLimits(): React.JSX.Element {
  const { rows, error, saved, change, add, save } = usePerContractLimits();
  if (rows === undefined) return <Loader size="sm" aria-label="Loading per-contract limits" />;
  return (
    <Stack gap="xs" data-testid="settings-per-contract">
      <Title order={4}>Per-contract limits</Title>
      <Text size="sm" c="dimmed">
        A contract listed here uses these size and value limits instead of the defaults above.
      </Text>
      {rows.map((row, index) => (
        <RowEditor
          key={String(index)}
          index={index}
          row={row}
          onChange={(next) => {
            change(index, next);
          }}
        />
      ))}
      <PerContractOutcome error={error} saved={saved} />
      <Group>
        <Button variant="light" onClick={add} data-testid="per-contract-add">
          Add contract
        </Button>
        <Button
          onClick={() => {
            void save();
          }}
          data-testid="per-contract-save"
        >
          Save per-contract limits
        </Button>
      </Group>
    </Stack>
  );
}
