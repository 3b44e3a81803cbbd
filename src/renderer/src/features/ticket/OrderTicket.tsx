import { Paper, Stack, Title } from '@mantine/core';
import { useMemo } from 'react';
import { EntryWarning } from '../analysis/VerdictStrip.tsx';
import { RiskPreviewPanel } from './RiskPreviewPanel.tsx';
import { RiskSizer } from './RiskSizer.tsx';
import { SubmitSection } from './SubmitSection.tsx';
import { EntryFields } from './EntryFields.tsx';
import { MarginModeField } from './MarginModeField.tsx';
import { PriceFields, SideAndTypeFields, TrailingFields } from './TicketFields.tsx';
import { problemsToShow } from './ticket-form.ts';
import type { TicketContext } from './ticket.types.ts';
import { useLeverageCap } from './useLeverageCap.ts';
import { usePreview } from './usePreview.ts';
import { useTicketForm } from './useTicketForm.ts';
import { validateTicket } from './validation.ts';

/**
 * The order ticket: an entry always carries its stop, the engine's risk preview updates as the
 * trader types, and the size can be set in lots, in USDT, or from "risk X USDT at this stop".
 * What the trader typed lives in the ticket store, so it survives page switches (ADR 0540).
 */
export function OrderTicket(props: { readonly context: TicketContext }): React.JSX.Element {
  const userMaxLeverage = useLeverageCap();
  const context = useMemo<TicketContext>(
    () => (userMaxLeverage === undefined ? props.context : { ...props.context, userMaxLeverage }),
    [props.context, userMaxLeverage],
  );
  const { draft, form, notional, stopFromPct, touched, onChange } = useTicketForm(context);
  const validation = useMemo(() => validateTicket(form, context), [form, context]);
  const shown = useMemo(() => problemsToShow(validation, touched, form), [validation, touched, form]);
  const { state: preview, lastReady } = usePreview(validation.ok ? validation.ticket : undefined);
  return (
    <Paper withBorder p="md" data-testid="order-ticket">
      <Stack gap="sm">
        <Title order={4}>Order ticket</Title>
        <SideAndTypeFields form={form} onChange={onChange} />
        {/* An entry against the multi-timeframe verdict is said where the side is chosen. */}
        <EntryWarning symbol={form.symbol} side={form.side} />
        <EntryFields
          form={form}
          draft={draft}
          notional={notional}
          context={context}
          validation={shown}
          onChange={onChange}
        />
        <MarginModeField symbol={form.symbol} />
        <PriceFields
          form={form}
          draft={draft}
          stopFromPct={stopFromPct}
          validation={shown}
          onChange={onChange}
        />
        <TrailingFields form={form} validation={shown} onChange={onChange} />
        <RiskSizer
          validation={validation}
          preview={lastReady}
          context={context}
          onSize={(lots) => {
            onChange({ sizeMode: 'lots', sizeLots: String(lots) });
          }}
        />
        <RiskPreviewPanel state={preview} lastReady={lastReady} />
        <SubmitSection validation={validation} preview={preview} />
      </Stack>
    </Paper>
  );
}
