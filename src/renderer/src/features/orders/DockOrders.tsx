import { Badge, Loader, Table, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { call } from '../../bridge/index.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { formatClockTime } from '../../components/format.ts';
import { useMarket, useTrading } from '../../stores/hooks.ts';
import { priceText } from '../positions/position-numbers.ts';
import type { Order } from '../../../../shared/domain/order.ts';
import { wholeWordBadge } from '../../components/badge-style.ts';
import { ordersOfTab } from '../terminal/dock-tabs.ts';
import { canCancel, orderStatusColor, orderStatusHint, sortOrders } from './order-status.ts';

function StatusBadge(props: { readonly order: Order }): React.JSX.Element {
  const { status, clientOid } = props.order;
  const badge = (
    <Badge
      color={orderStatusColor[status]}
      variant={status === 'UNKNOWN' ? 'filled' : 'light'}
      data-testid={`order-status-${clientOid}`}
      data-status={status}
      style={wholeWordBadge}
      leftSection={
        status === 'RECONCILING' ? <Loader size={10} color={orderStatusColor.RECONCILING} /> : null
      }
    >
      {status}
    </Badge>
  );
  const hint = orderStatusHint[status];
  return hint === undefined ? (
    badge
  ) : (
    <Tooltip label={hint} multiline w={260}>
      {badge}
    </Tooltip>
  );
}

/** Limit price, or the average fill of a market order, to the contract's tick. */
function orderPriceText(order: Order, tick: string | undefined): string {
  const price = order.price ?? order.avgFillPrice;
  if (price === undefined) return order.type === 'market' ? 'market' : '—';
  return priceText(price, tick);
}

function OrderRow(props: { readonly order: Order }): React.JSX.Element {
  const o = props.order;
  const tick = useMarket((state) => state.contracts[o.symbol]?.tickSize);
  return (
    <Table.Tr data-testid={`order-row-${o.clientOid}`}>
      <Table.Td>{formatClockTime(o.updatedAt)}</Table.Td>
      <Table.Td>{o.symbol}</Table.Td>
      <Table.Td>{o.purpose}</Table.Td>
      <Table.Td c={o.side === 'buy' ? 'teal' : 'red'}>
        {o.side}
        {o.reduceOnly ? ' (reduce)' : ''}
      </Table.Td>
      <Table.Td>{o.type}</Table.Td>
      <Table.Td ff="monospace">
        {o.filledLots}/{o.sizeLots}
      </Table.Td>
      <Table.Td ff="monospace">{orderPriceText(o, tick)}</Table.Td>
      <Table.Td ff="monospace">{o.stopPrice === undefined ? '—' : priceText(o.stopPrice, tick)}</Table.Td>
      <Table.Td>
        <StatusBadge order={o} />
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {o.reason ?? ''}
        </Text>
      </Table.Td>
      <Table.Td ff="monospace" fz="xs">
        {o.clientOid}
      </Table.Td>
      <Table.Td>
        {canCancel(o) ? (
          <ConfirmAction
            label="Cancel"
            title="Cancel this order?"
            confirmLabel="Cancel order"
            testId={`cancel-order-${o.clientOid}`}
            body={`${o.side} ${o.sizeLots} lots ${o.symbol} (${o.clientOid})`}
            onConfirm={() => call('trading:cancel-order', { clientOid: o.clientOid })}
          />
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

const headers = [
  'Updated',
  'Symbol',
  'Purpose',
  'Side',
  'Type',
  'Filled',
  'Price',
  'Stop',
  'Status',
  'Reason',
  'clientOid',
  '',
];

function OrdersTable(props: { readonly orders: readonly Order[] }): React.JSX.Element {
  return (
    <Table striped highlightOnHover stickyHeader data-testid="orders-table">
      <Table.Thead>
        <Table.Tr>
          {headers.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.orders.map((o) => (
          <OrderRow key={o.clientOid} order={o} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function OrdersOrState(props: {
  readonly orders: readonly Order[];
  readonly empty: string;
}): React.JSX.Element {
  const load = useTrading((state) => state.ordersLoad);
  if (props.orders.length > 0) return <OrdersTable orders={props.orders} />;
  if (load.kind !== 'ready') return <LoadState status={load} what="orders" />;
  return <EmptyState title={props.empty} />;
}

/** One of the dock's order tabs: the live and undecided orders of that kind, UNKNOWN / RECONCILING on top. */
export function DockOrders(props: { readonly tab: 'open-orders' | 'stop-orders' }): React.JSX.Element {
  const ordersById = useTrading((state) => state.orders);
  const orders = useMemo(
    () => sortOrders(ordersOfTab(Object.values(ordersById), props.tab)),
    [ordersById, props.tab],
  );
  return (
    <OrdersOrState
      orders={orders}
      empty={props.tab === 'open-orders' ? 'No open orders' : 'No stop orders'}
    />
  );
}
