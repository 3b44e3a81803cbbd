import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../bridge/index.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useConnection, useTrading } from '../../stores/hooks.ts';
import { toTradingError, type TradingError } from '../../../../shared/errors.ts';
import { LiveOrderConfirm } from './LiveOrderConfirm.tsx';
import { ticketKey, type PreviewState } from './usePreview.ts';
import { useSubmitRequest } from './useSubmitRequest.ts';
import type { OrderTicket, PlacedOrder, TicketValidation } from './ticket.types.ts';

type Submission =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'placed'; readonly placed: PlacedOrder }
  | { readonly kind: 'failed'; readonly error: TradingError }
  | { readonly kind: 'refused'; readonly reason: string };

/** Why the submit button is disabled, in words; undefined when the ticket may be sent. */
export function submitBlocker(
  validation: TicketValidation,
  preview: PreviewState,
  tradingState: string | undefined,
): string | undefined {
  if (!validation.ok)
    return `Fix the ticket first: ${validation.problems[0]?.message ?? 'every entry needs a stop.'}`;
  if (tradingState === 'HALTED') return 'Trading is HALTED: no new entries.';
  if (preview.kind !== 'ready' || preview.ticketKey !== ticketKey(validation.ticket)) {
    return 'Waiting for the risk preview of this exact ticket.';
  }
  if (preview.preview.verdict === 'deny') return 'The risk engine denies this ticket (see the preview).';
  return undefined;
}

function Outcome(props: { readonly submission: Submission }): React.JSX.Element | null {
  const { submission } = props;
  if (submission.kind === 'failed') return <ErrorNotice error={submission.error} testId="ticket-error" />;
  if (submission.kind === 'refused') {
    return (
      <Alert color="yellow" variant="light" title="Hotkey: not sent" data-testid="ticket-hotkey-refused">
        <Text size="sm">{submission.reason}</Text>
      </Alert>
    );
  }
  if (submission.kind !== 'placed') return null;
  return (
    <Alert color="teal" variant="light" title="Order sent with its stop" data-testid="ticket-placed">
      <Text size="sm" ff="monospace">
        {submission.placed.clientOid} — {submission.placed.status};{' '}
        {submission.placed.protection === 'attached'
          ? 'stop attached to the entry'
          : 'stop placed by the engine on the first fill (watch the protection badge)'}
      </Text>
    </Alert>
  );
}

/** The ticket's sending: its state, why it may not be sent, and the live-mode confirmation. */
function useTicketSubmission(validation: TicketValidation, preview: PreviewState) {
  const tradingState = useTrading((state) => state.tradingState?.state);
  const live = useConnection((state) => state.mode) === 'live';
  const [submission, setSubmission] = useState<Submission>({ kind: 'idle' });
  const [confirming, setConfirming] = useState<OrderTicket | undefined>(undefined);
  const blocker = submitBlocker(validation, preview, tradingState);
  const send = (ticket: OrderTicket): Promise<void> => {
    setSubmission({ kind: 'sending' });
    return call('trading:place-order', ticket).then(
      (placed) => {
        setSubmission({ kind: 'placed', placed });
      },
      (error: unknown) => {
        setSubmission({ kind: 'failed', error: toTradingError(error) });
      },
    );
  };
  // The button's click and the B / S hotkeys both go through here; live mode asks first.
  const submit = (): void => {
    if (submission.kind === 'sending' || blocker !== undefined || !validation.ok) return;
    if (live) setConfirming(validation.ticket);
    else void send(validation.ticket);
  };
  useSubmitRequest({
    validation,
    preview,
    blocker: submission.kind === 'sending' ? 'An order from this ticket is being sent.' : blocker,
    onSubmit: submit,
    onRefused: (reason) => {
      setSubmission({ kind: 'refused', reason });
    },
  });
  return { submission, blocker, submit, send, confirming, setConfirming };
}

/**
 * The submit button, enabled only for a valid ticket with a fresh ALLOWED preview; in live mode
 * it (and B / S) opens a confirmation with the order and its risk before anything is sent.
 */
export function SubmitSection(props: {
  readonly validation: TicketValidation;
  readonly preview: PreviewState;
}) {
  const { submission, blocker, submit, send, confirming, setConfirming } = useTicketSubmission(
    props.validation,
    props.preview,
  );
  return (
    <Stack gap="xs">
      <Button
        data-testid="ticket-submit"
        disabled={blocker !== undefined || submission.kind === 'sending'}
        loading={submission.kind === 'sending'}
        onClick={submit}
      >
        Place entry with stop
      </Button>
      {blocker === undefined ? null : (
        <Text size="xs" c="dimmed" data-testid="ticket-blocker">
          {blocker}
        </Text>
      )}
      <Outcome submission={submission} />
      <LiveOrderConfirm
        ticket={confirming}
        preview={props.preview.kind === 'ready' ? props.preview.preview : undefined}
        onClose={() => {
          setConfirming(undefined);
        }}
        onConfirm={send}
      />
    </Stack>
  );
}
