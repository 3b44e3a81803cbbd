import { ActionIcon, Alert, Button, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { TradingError } from '../../../../../shared/errors.ts';
import { fieldErrorsOf, loadSettings, saveSettings } from '../forms/settings-bridge.ts';
import { mapOf, rowsOf, type ContractLimitRow } from './per-contract-rows.ts';

const path = 'trading.risk.perContractLimits';

function RowEditor(props: { readonly index: number; readonly row: ContractLimitRow; readonly onChange: (row: ContractLimitRow | undefined) => void }): React.JSX.Element {
  const { row, index } = props;
  const id = `per-contract-${String(index)}`;
  return (
    <Group align="flex-end" data-testid={id}>
      <TextInput label="Contract" placeholder="ETHUSDTM" value={row.symbol} onChange={(event) => { props.onChange({ ...row, symbol: event.currentTarget.value }); }} data-testid={`${id}-symbol`} />
      <TextInput label="Max position (lots)" inputMode="numeric" value={row.maxPositionLots} onChange={(event) => { props.onChange({ ...row, maxPositionLots: event.currentTarget.value }); }} data-testid={`${id}-lots`} />
      <TextInput label="Max position value (USDT)" inputMode="decimal" value={row.maxPositionNotionalUsdt} onChange={(event) => { props.onChange({ ...row, maxPositionNotionalUsdt: event.currentTarget.value }); }} data-testid={`${id}-notional`} />
      <ActionIcon variant="subtle" color="red" aria-label={`Remove the limits of ${row.symbol === '' ? 'this row' : row.symbol}`} onClick={() => { props.onChange(undefined); }}>×</ActionIcon>
    </Group>
  );
}

/** Per-contract overrides of the size and value limits, saved whole (a row removed is removed). */
export function PerContractLimits(): React.JSX.Element {
  const [rows, setRows] = useState<readonly ContractLimitRow[]>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    loadSettings().then((view) => { setRows(rowsOf(view.fields.find((field) => field.path === path)?.value)); }, (failure: unknown) => { setError(failure instanceof Error ? failure.message : String(failure)); setRows([]); });
  }, []);
  if (rows === undefined) return <Loader size="sm" aria-label="Loading per-contract limits" />;
  const change = (index: number, row: ContractLimitRow | undefined): void => {
    setSaved(false);
    setRows(rows.flatMap((existing, at) => (at !== index ? [existing] : row === undefined ? [] : [row])));
  };
  const save = async (): Promise<void> => {
    try {
      const result = await saveSettings({ [path]: mapOf(rows) });
      setRows(rowsOf(result.view.fields.find((field) => field.path === path)?.value));
      setError(undefined);
      setSaved(true);
    } catch (failure) {
      const refused = failure instanceof TradingError ? failure : new TradingError('internal-error', String(failure));
      setError(fieldErrorsOf(refused)[path] ?? refused.message);
    }
  };
  return (
    <Stack gap="xs" data-testid="settings-per-contract">
      <Title order={4}>Per-contract limits</Title>
      <Text size="sm" c="dimmed">A contract listed here uses these size and value limits instead of the defaults above.</Text>
      {rows.map((row, index) => <RowEditor key={String(index)} index={index} row={row} onChange={(next) => { change(index, next); }} />)}
      {error === undefined ? null : <Alert color="red" variant="light" data-testid="per-contract-error">{error}</Alert>}
      {saved ? <Text size="sm" c="teal" data-testid="per-contract-saved">Per-contract limits saved (journaled); in force now.</Text> : null}
      <Group>
        <Button variant="light" onClick={() => { setRows([...rows, { symbol: '', maxPositionLots: '', maxPositionNotionalUsdt: '' }]); }} data-testid="per-contract-add">Add contract</Button>
        <Button onClick={() => { void save(); }} data-testid="per-contract-save">Save per-contract limits</Button>
      </Group>
    </Stack>
  );
}
