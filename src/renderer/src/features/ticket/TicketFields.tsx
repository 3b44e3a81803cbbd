import { Group, SegmentedControl, Select, Switch, TextInput } from '@mantine/core';
import { StopField } from './StopField.tsx';
import { TakeProfitField } from './TakeProfitField.tsx';
import type { StopFromPercent } from './stop-percent.ts';
import type { TicketDraft, TicketForm, TicketPatch, TicketValidation, TrailingMode } from './ticket.types.ts';
import { problemFor } from './validation.ts';

/** Props shared by the ticket's field groups. */
export interface FieldsProps {
  readonly form: TicketForm;
  readonly validation: TicketValidation;
  readonly onChange: (patch: TicketPatch) => void;
}

/** Side and order type. */
export function SideAndTypeFields({ form, onChange }: Omit<FieldsProps, 'validation'>): React.JSX.Element {
  return (
    <Group grow>
      <SegmentedControl
        data-testid="ticket-side"
        value={form.side}
        onChange={(value) => {
          onChange({ side: value === 'sell' ? 'sell' : 'buy' });
        }}
        data={[
          { label: 'Buy / Long', value: 'buy' },
          { label: 'Sell / Short', value: 'sell' },
        ]}
        color={form.side === 'buy' ? 'teal' : 'red'}
      />
      <SegmentedControl
        data-testid="ticket-type"
        value={form.type}
        onChange={(value) => {
          onChange({ type: value === 'market' ? 'market' : 'limit' });
        }}
        data={[
          { label: 'Limit', value: 'limit' },
          { label: 'Market', value: 'market' },
        ]}
      />
    </Group>
  );
}

/** Entry price (limit only), the mandatory stop and the optional take-profit. */
export function PriceFields({
  form,
  draft,
  stopFromPct,
  validation,
  onChange,
}: FieldsProps & {
  readonly draft: TicketDraft;
  readonly stopFromPct: StopFromPercent | undefined;
}): React.JSX.Element {
  return (
    <Group grow align="flex-start">
      <TextInput
        label="Limit price"
        data-testid="ticket-price"
        inputMode="decimal"
        value={form.price}
        disabled={form.type === 'market'}
        placeholder={form.type === 'market' ? 'at market' : undefined}
        onChange={(e) => {
          onChange({ price: e.currentTarget.value });
        }}
        error={problemFor(validation, 'price')}
      />
      <StopField draft={draft} stopFromPct={stopFromPct} validation={validation} onChange={onChange} />
      <TakeProfitField draft={draft} validation={validation} onChange={onChange} />
    </Group>
  );
}

const trailingModes: { value: TrailingMode; label: string }[] = [
  { value: 'percent', label: '% of best' },
  { value: 'price', label: 'Price dist.' },
  { value: 'atr', label: '× ATR' },
];

/** Optional trailing stop that takes over from the initial stop. */
export function TrailingFields({ form, validation, onChange }: FieldsProps): React.JSX.Element {
  return (
    <Group grow align="flex-end">
      <Switch
        label="Trailing stop"
        data-testid="ticket-trailing"
        checked={form.trailingEnabled}
        onChange={(e) => {
          onChange({ trailingEnabled: e.currentTarget.checked });
        }}
      />
      <Select
        data={trailingModes}
        value={form.trailingMode}
        disabled={!form.trailingEnabled}
        allowDeselect={false}
        aria-label="Trailing distance kind"
        onChange={(value) => {
          if (value !== null) onChange({ trailingMode: value });
        }}
      />
      <TextInput
        aria-label="Trailing distance"
        placeholder="distance"
        value={form.trailingDistance}
        disabled={!form.trailingEnabled}
        data-testid="ticket-trailing-distance"
        onChange={(e) => {
          onChange({ trailingDistance: e.currentTarget.value });
        }}
        error={problemFor(validation, 'trailingDistance')}
      />
      <TextInput
        aria-label="Trailing activation price"
        placeholder="activate at (optional)"
        value={form.trailingActivationPrice}
        disabled={!form.trailingEnabled}
        data-testid="ticket-trailing-activation"
        onChange={(e) => {
          onChange({ trailingActivationPrice: e.currentTarget.value });
        }}
        error={problemFor(validation, 'trailingActivationPrice')}
      />
    </Group>
  );
}
