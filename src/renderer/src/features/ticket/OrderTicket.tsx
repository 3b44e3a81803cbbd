import { Paper, Stack, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { EntryWarning } from '../analysis/VerdictStrip.tsx';
import { RiskPreviewPanel } from './RiskPreviewPanel.tsx';
import { RiskSizer } from './RiskSizer.tsx';
import { SubmitSection } from './SubmitSection.tsx';
import { EntryFields, PriceFields, SideAndTypeFields, TrailingFields } from './TicketFields.tsx';
import { emptyTicketForm, problemsToShow } from './ticket-form.ts';
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
  const [touched, setTouched] = useState<ReadonlySet<keyof TicketForm>>(() => new Set());
  const form = useMemo(() => ({ ...draft, symbol }), [draft, symbol]);
  const validation = useMemo(() => validateTicket(form, props.context), [form, props.context]);
  const shown = useMemo(() => problemsToShow(validation, touched), [validation, touched]);
  const { state: preview, lastReady } = usePreview(validation.ok ? validation.ticket : undefined);
  const onChange = (patch: Partial<TicketForm>): void => {
    const { symbol: nextSymbol, ...rest } = patch;
    if (nextSymbol !== undefined) setSymbol(nextSymbol);
    setDraft((current) => ({ ...current, ...rest }));
    setTouched((current) => new Set([...current, ...(Object.keys(patch) as (keyof TicketForm)[])]));
  };
  return (
    <Paper withBorder p="md" data-testid="order-ticket">
      <Stack gap="sm">
        <Title order={4}>Order ticket</Title>
        <SideAndTypeFields form={form} onChange={onChange} />
        {/* An entry against the multi-timeframe verdict is said where the side is chosen. */}
        <EntryWarning symbol={symbol} side={form.side} />
        <EntryFields form={form} validation={shown} onChange={onChange} />
        <PriceFields form={form} validation={shown} onChange={onChange} />
        <TrailingFields form={form} validation={shown} onChange={onChange} />
        <RiskSizer
          validation={validation}
          preview={lastReady}
          context={props.context}
          onSize={(lots) => {
            onChange({ sizeLots: String(lots) });
          }}
        />
        <RiskPreviewPanel state={preview} lastReady={lastReady} />
        <SubmitSection validation={validation} preview={preview} />
      </Stack>
    </Paper>
  );
}
