import { Button, Group, Text, TextInput } from '@mantine/core';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { lossPerLotFromContract, lossPerLotFromPreview, sizeForRisk, type RiskSizing } from './sizing.ts';
import { sameEntryAndStop, ticketLots } from './ticket-form.ts';
import type { OrderTicket, TicketContext, TicketValidation } from './ticket.types.ts';
import type { ReadyPreview } from './usePreview.ts';

/**
 * Loss per lot for the ticket's entry and stop. First choice: the latest preview of that same
 * entry and stop (the engine's own number, fees included). Otherwise the contract's multiplier
 * and taker fee, when the entry price is known. Undefined when neither is available.
 */
function lossPerLot(
  validation: TicketValidation,
  preview: ReadyPreview | undefined,
  context: TicketContext,
): string | undefined {
  if (!validation.ok) return undefined;
  const ticket = validation.ticket;
  if (preview !== undefined) {
    const previewed = JSON.parse(preview.ticketKey) as OrderTicket;
    if (sameEntryAndStop(previewed, ticket))
      return lossPerLotFromPreview(preview.preview.lossAtStop, ticketLots(previewed));
  }
  const entryPrice = ticket.price ?? context.referencePrice;
  if (context.contract === undefined || entryPrice === undefined) return undefined;
  const { multiplier, takerFeeRate } = context.contract;
  return lossPerLotFromContract({ entryPrice, stopPrice: ticket.stopPrice, multiplier, takerFeeRate });
}

function describe(sizing: RiskSizing | undefined, perLot: string | undefined): string {
  if (perLot === undefined) return 'Sizing needs a preview of this entry and stop (or the contract) first.';
  if (sizing === undefined) return `One lot loses ${perLot} USDT at this stop.`;
  return sizing.ok ? `${sizing.lots} lots lose ${sizing.lossAtStop} USDT at the stop.` : sizing.reason;
}

/** "Risk X USDT at this stop": fills the size with the most lots whose loss stays within X. */
export function RiskSizer(props: {
  readonly validation: TicketValidation;
  readonly preview: ReadyPreview | undefined;
  readonly context: TicketContext;
  readonly onSize: (lots: number) => void;
}): React.JSX.Element {
  const riskUsdt = useSettingsStore((state) => state.riskUsdt);
  const setRiskUsdt = useSettingsStore((state) => state.setRiskUsdt);
  const perLot = lossPerLot(props.validation, props.preview, props.context);
  const sizing = perLot === undefined || riskUsdt.trim() === '' ? undefined : sizeForRisk(riskUsdt, perLot);
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput
        w={150}
        label="Risk (USDT)"
        placeholder="loss at stop"
        data-testid="ticket-risk-usdt"
        inputMode="decimal"
        value={riskUsdt}
        onChange={(e) => {
          setRiskUsdt(e.currentTarget.value);
        }}
      />
      <Button
        style={{ flexShrink: 0 }}
        variant="light"
        data-testid="ticket-size-from-risk"
        disabled={sizing?.ok !== true}
        onClick={() => {
          if (sizing?.ok === true) props.onSize(sizing.lots);
        }}
      >
        Size it
      </Button>
      <Text size="xs" c="dimmed" data-testid="ticket-sizing-note">
        {describe(sizing, perLot)}
      </Text>
    </Group>
  );
}
