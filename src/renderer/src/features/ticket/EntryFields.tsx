import { Group, SegmentedControl, Slider, Stack, Text, TextInput } from '@mantine/core';
import type { NotionalSizing } from './sizing.ts';
import type { FieldsProps } from './TicketFields.tsx';
import type { SizeMode, TicketContext, TicketDraft } from './ticket.types.ts';
import { maxLeverageFor, problemFor } from './validation.ts';

/** What the size and leverage fields need besides the shared field props. */
export interface EntryFieldsProps extends FieldsProps {
  readonly draft: TicketDraft;
  readonly notional: NotionalSizing | undefined;
  readonly context: TicketContext;
}

/** The resulting lots under a USDT size, or why there are none yet. */
function NotionalResult(props: { readonly notional: NotionalSizing | undefined }): React.JSX.Element | null {
  const { notional } = props;
  if (notional === undefined) return null;
  return (
    <Text size="xs" c={notional.ok ? 'dimmed' : 'orange'} data-testid="ticket-size-lots">
      {notional.ok ? `= ${notional.lots} lots (${notional.notional} USDT)` : notional.reason}
    </Text>
  );
}

/** Size in whole lots, or a USDT notional turned into lots (rounded down). */
function SizeField({ draft, notional, validation, onChange }: EntryFieldsProps): React.JSX.Element {
  const inUsdt = draft.sizeMode === 'usdt';
  return (
    <Stack gap={4}>
      <TextInput
        label={inUsdt ? 'Size (USDT)' : 'Size (lots)'}
        data-testid={inUsdt ? 'ticket-size-usdt' : 'ticket-size'}
        // The F hotkey focuses whichever size input is showing.
        data-ticket-size-input="true"
        inputMode={inUsdt ? 'decimal' : 'numeric'}
        value={inUsdt ? draft.sizeUsdt : draft.sizeLots}
        onChange={(e) => {
          onChange(inUsdt ? { sizeUsdt: e.currentTarget.value } : { sizeLots: e.currentTarget.value });
        }}
        error={problemFor(validation, 'sizeLots')}
      />
      <SegmentedControl
        size="xs"
        data-testid="ticket-size-mode"
        value={draft.sizeMode}
        onChange={(value) => {
          onChange({ sizeMode: value === 'usdt' ? 'usdt' : ('lots' satisfies SizeMode) });
        }}
        data={[
          { label: 'Lots', value: 'lots' },
          { label: 'USDT', value: 'usdt' },
        ]}
      />
      <NotionalResult notional={notional} />
    </Stack>
  );
}

/** Leverage as typed, with a slider up to the contract's maximum and the trader's own cap. */
function LeverageField({ form, context, validation, onChange }: EntryFieldsProps): React.JSX.Element {
  const max = maxLeverageFor(context);
  const typed = Number(form.leverage);
  const onSlider = Number.isInteger(typed) ? Math.min(Math.max(typed, 1), max) : 1;
  return (
    <Stack gap={4}>
      <TextInput
        label={`Leverage (max ${max}×)`}
        data-testid="ticket-leverage"
        inputMode="numeric"
        value={form.leverage}
        onChange={(e) => {
          onChange({ leverage: e.currentTarget.value });
        }}
        error={problemFor(validation, 'leverage')}
      />
      <Slider
        data-testid="ticket-leverage-slider"
        aria-label="Leverage"
        thumbLabel="Leverage"
        min={1}
        max={max}
        step={1}
        value={onSlider}
        label={(value) => `${value}×`}
        onChange={(value) => {
          onChange({ leverage: String(value) });
        }}
      />
    </Stack>
  );
}

/** Symbol, size and leverage. */
export function EntryFields(props: EntryFieldsProps): React.JSX.Element {
  const { form, validation, onChange } = props;
  return (
    <Group grow align="flex-start">
      <TextInput
        label="Symbol"
        data-testid="ticket-symbol"
        value={form.symbol}
        onChange={(e) => {
          onChange({ symbol: e.currentTarget.value.toUpperCase() });
        }}
        error={problemFor(validation, 'symbol')}
      />
      <SizeField {...props} />
      <LeverageField {...props} />
    </Group>
  );
}
