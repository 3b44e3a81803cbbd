import { Badge, Group, Loader, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { call } from '../../bridge/index.ts';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { formatClockTime } from '../../components/format.ts';
import { useMarket, useTrading } from '../../stores/hooks.ts';
import { priceText } from '../positions/position-numbers.ts';
import type { Order } from '../../../../shared/domain/order.ts';
import { canCancel, isOpenOrder, orderStatusColor, orderStatusHint, sortOrders } from './order-status.ts';

function StatusBadge(props: { readonly order: Order }): React.JSX.Element {
  const { status, clientOid } = props.order;
  const badge = (
    <Badge
      color={orderStatusColor[status]}
      variant={status === 'UNKNOWN' ? 'filled' : 'light'}
      data-testid={`order-status-${clientOid}`}
      data-status={status}
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

/** Orders as the engine tracks them, UNKNOWN / RECONCILING on top. */
export function OrdersView(): React.JSX.Element {
  const ordersById = useTrading((state) => state.orders);
  const load = useTrading((state) => state.ordersLoad);
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const orders = useMemo(() => {
    const all = Object.values(ordersById);
    return sortOrders(scope === 'open' ? all.filter(isOpenOrder) : all);
  }, [ordersById, scope]);
  return (
    <Stack>
      <Group>
        <SegmentedControl
          value={scope}
          data-testid="orders-scope"
          onChange={(value) => {
            setScope(value === 'all' ? 'all' : 'open');
          }}
          data={[
            { label: 'Open & undecided', value: 'open' },
            { label: 'All recent', value: 'all' },
          ]}
        />
      </Group>
      {load.kind !== 'ready' && orders.length === 0 ? <LoadState status={load} what="orders" /> : null}
      {load.kind === 'ready' && orders.length === 0 ? <EmptyState title="No orders" /> : null}
      {orders.length === 0 ? null : (
        <Table striped highlightOnHover data-testid="orders-table">
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h}>{h}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {orders.map((o) => (
              <OrderRow key={o.clientOid} order={o} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
