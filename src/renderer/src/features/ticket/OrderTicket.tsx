import { Paper, Stack, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { RiskPreviewPanel } from './RiskPreviewPanel.tsx';
import { RiskSizer } from './RiskSizer.tsx';
import { SubmitSection } from './SubmitSection.tsx';
import { EntryFields, PriceFields, SideAndTypeFields, TrailingFields } from './TicketFields.tsx';
import { emptyTicketForm } from './ticket-form.ts';
import type { TicketContext, TicketForm } from './ticket.types.ts';
import { usePreview } from './usePreview.ts';
import { validateTicket } from './validation.ts';

/**
 * The order ticket: an entry always carries its stop, the engine's risk preview updates as the
 * trader types, and the size can be set from "risk X USDT at this stop".
 */
export function OrderTicket(props: { readonly context: TicketContext }): React.JSX.Element {
  // The ticket trades what the chart shows: one symbol, kept in settings.
  const symbol = useSettingsStore((state) => state.symbol);
  const setSymbol = useSettingsStore((state) => state.setSymbol);
  const [draft, setDraft] = useState<TicketForm>(() => emptyTicketForm(symbol));
  const form = useMemo(() => ({ ...draft, symbol }), [draft, symbol]);
  const validation = useMemo(() => validateTicket(form, props.context), [form, props.context]);
  const { state: preview, lastReady } = usePreview(validation.ok ? validation.ticket : undefined);
  const onChange = ({ symbol: nextSymbol, ...patch }: Partial<TicketForm>): void => {
    if (nextSymbol !== undefined) setSymbol(nextSymbol);
    setDraft((current) => ({ ...current, ...patch }));
  };
  return (
    <Paper withBorder p="md" data-testid="order-ticket">
      <Stack gap="sm">
        <Title order={4}>Order ticket</Title>
        <SideAndTypeFields form={form} onChange={onChange} />
        <EntryFields form={form} validation={validation} onChange={onChange} />
        <PriceFields form={form} validation={validation} onChange={onChange} />
        <TrailingFields form={form} validation={validation} onChange={onChange} />
        <RiskSizer
          validation={validation}
          preview={lastReady}
          context={props.context}
          onSize={(lots) => {
            onChange({ sizeLots: String(lots) });
          }}
        />
        <RiskPreviewPanel state={preview} />
        <SubmitSection validation={validation} preview={preview} />
      </Stack>
    </Paper>
  );
}
