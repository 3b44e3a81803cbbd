import { List } from '@mantine/core';
import { ConfirmDialog } from '../../components/ConfirmAction.tsx';
import type { OrderTicket, RiskPreview } from './ticket.types.ts';

/** The order as the trader is about to send it with real money, one fact per line. */
export function liveOrderLines(ticket: OrderTicket, preview: RiskPreview | undefined): readonly string[] {
  const side = ticket.side === 'buy' ? 'Buy / long' : 'Sell / short';
  const at = ticket.type === 'limit' ? `limit ${ticket.price ?? ''}` : 'at market';
  const lines = [
    `${side} ${String(ticket.sizeLots)} lots of ${ticket.symbol} ${at}, ${String(ticket.leverage)}× leverage`,
    `Stop at ${ticket.stopPrice}${ticket.trailing === undefined ? '' : ', trailing'}`,
  ];
  if (preview === undefined) return lines;
  return [
    ...lines,
    `Loss at the stop ${preview.lossAtStop} USDT (${preview.riskPctOfEquity} % of equity)`,
    `Margin ${preview.marginNeeded} USDT, fees ${preview.fees} USDT, liquidation near ${preview.liquidationPrice}`,
  ];
}

/**
 * In live mode an entry is sent only after this confirmation: the last look at the order, its
 * stop and what it risks, because from here it is real money at KuCoin. Paper mode sends at once.
 */
export function LiveOrderConfirm(props: {
  readonly ticket: OrderTicket | undefined;
  readonly preview: RiskPreview | undefined;
  readonly onClose: () => void;
  readonly onConfirm: (ticket: OrderTicket) => Promise<void>;
}): React.JSX.Element {
  const { ticket } = props;
  return (
    <ConfirmDialog
      opened={ticket !== undefined}
      onClose={props.onClose}
      title="Send this order to KuCoin? (LIVE, real money)"
      confirmLabel="Send live order"
      testId="ticket-live-confirm"
      body={
        ticket === undefined ? null : (
          <List size="sm" spacing={2} data-testid="ticket-live-summary">
            {liveOrderLines(ticket, props.preview).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        )
      }
      onConfirm={() => (ticket === undefined ? Promise.resolve() : props.onConfirm(ticket))}
    />
  );
}
