import { TextInput } from '@mantine/core';
import type { TicketDraft, TicketPatch, TicketValidation } from './ticket.types.ts';
import { problemFor } from './validation.ts';

/**
 * The optional take-profit next to the stop: a trigger price on the profit side, or empty for
 * none. A value on the wrong side shows its problem under the field and the ticket cannot be sent.
 */
export function TakeProfitField(props: {
  readonly draft: TicketDraft;
  readonly validation: TicketValidation;
  readonly onChange: (patch: TicketPatch) => void;
}): React.JSX.Element {
  return (
    <TextInput
      label="Take-profit (optional)"
      data-testid="ticket-take-profit"
      inputMode="decimal"
      placeholder="none"
      value={props.draft.takeProfitPrice}
      onChange={(e) => {
        props.onChange({ takeProfitPrice: e.currentTarget.value });
      }}
      error={problemFor(props.validation, 'takeProfitPrice')}
    />
  );
}
