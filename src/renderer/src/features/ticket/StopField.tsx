import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { StopFromPercent } from './stop-percent.ts';
import type { StopMode, TicketDraft, TicketPatch, TicketValidation } from './ticket.types.ts';
import { problemFor } from './validation.ts';

const stopModes: { value: StopMode; label: string }[] = [
  { value: 'price', label: 'Price' },
  { value: 'percent', label: '%' },
];

function PercentResult(props: { readonly stop: StopFromPercent | undefined }): React.JSX.Element | null {
  const { stop } = props;
  if (stop === undefined) return null;
  return (
    <Text size="xs" c={stop.ok ? 'dimmed' : 'orange'} data-testid="ticket-stop-from-pct">
      {stop.ok ? `= stop at ${stop.stopPrice}` : stop.reason}
    </Text>
  );
}

/**
 * The mandatory stop, as a trigger price or as a distance in % from the entry (turned into a
 * price on the tick, toward the entry; the price is what is previewed and sent).
 */
export function StopField(props: {
  readonly draft: TicketDraft;
  readonly stopFromPct: StopFromPercent | undefined;
  readonly validation: TicketValidation;
  readonly onChange: (patch: TicketPatch) => void;
}): React.JSX.Element {
  const { draft, onChange } = props;
  const inPct = draft.stopMode === 'percent';
  return (
    <Stack gap={4}>
      <TextInput
        label={inPct ? 'Stop distance % (required)' : 'Stop price (required)'}
        data-testid={inPct ? 'ticket-stop-pct' : 'ticket-stop'}
        inputMode="decimal"
        value={inPct ? draft.stopPct : draft.stopPrice}
        withAsterisk
        onChange={(e) => {
          onChange(inPct ? { stopPct: e.currentTarget.value } : { stopPrice: e.currentTarget.value });
        }}
        error={problemFor(props.validation, 'stopPrice')}
      />
      <SegmentedControl
        size="xs"
        aria-label="Stop given as"
        data-testid="ticket-stop-mode"
        value={draft.stopMode}
        onChange={(value) => {
          onChange({ stopMode: value === 'percent' ? 'percent' : 'price' });
        }}
        data={stopModes}
      />
      <PercentResult stop={props.stopFromPct} />
    </Stack>
  );
}
