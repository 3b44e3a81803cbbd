import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { LoadState } from '../../components/LoadState.tsx';
import { formatClockTime } from '../../components/format.ts';
import { useHealth } from '../../stores/hooks.ts';
import type { ExchangeHealth } from '../../../../shared/ipc/channels/market.ts';
import {
  breakerLight,
  clockLight,
  lightColor,
  poolLight,
  poolUsedPct,
  streamLight,
  type Light,
} from './health-view.ts';

function Fact(props: {
  readonly label: string;
  readonly value: string;
  readonly light: Light;
  readonly testId: string;
}) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Badge
        color={lightColor[props.light]}
        variant="light"
        data-testid={props.testId}
        data-light={props.light}
      >
        {props.value}
      </Badge>
    </Paper>
  );
}

function ClockFacts(props: { readonly clock: ExchangeHealth['clock'] }): React.JSX.Element {
  const { clock } = props;
  return (
    <Text size="xs" ff="monospace" data-testid="health-clock-numbers">
      offset {clock.offsetMs.toFixed(0)} ms · ±{clock.uncertaintyMs.toFixed(0)} ms (max ±
      {clock.maxUncertaintyMs} ms) · RTT {clock.rttMs.toFixed(0)} ms
      {clock.lastSyncAt === undefined ? '' : ` · synced ${formatClockTime(clock.lastSyncAt)}`}
    </Text>
  );
}

function Pools(props: { readonly pools: ExchangeHealth['limiter'] }): React.JSX.Element {
  if (props.pools.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No rate-limit pools reported.
      </Text>
    );
  return (
    <Table data-testid="health-pools">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Pool</Table.Th>
          <Table.Th>Used</Table.Th>
          <Table.Th w="40%" />
          <Table.Th>Queued</Table.Th>
          <Table.Th>Resets in</Table.Th>
          <Table.Th>Paused</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.pools.map((pool) => (
          <Table.Tr key={pool.pool} data-testid={`health-pool-${pool.pool}`}>
            <Table.Td>{pool.pool}</Table.Td>
            <Table.Td ff="monospace">
              {pool.used}/{pool.limit}
            </Table.Td>
            <Table.Td>
              <Progress
                value={poolUsedPct(pool)}
                color={lightColor[poolLight(pool)]}
                aria-label={`${pool.pool} pool used`}
              />
            </Table.Td>
            <Table.Td ff="monospace">{pool.queued}</Table.Td>
            <Table.Td ff="monospace">{(pool.resetInMs / 1000).toFixed(1)} s</Table.Td>
            <Table.Td ff="monospace">
              {pool.pausedForMs > 0 ? `${(pool.pausedForMs / 1000).toFixed(1)} s` : '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Breaker, rate-limit usage per pool, clock offset/uncertainty and stream liveness. */
export function ExchangeHealthPanel(): React.JSX.Element {
  const exchange = useHealth((state) => state.exchange);
  const load = useHealth((state) => state.load);
  const receivedAt = useHealth((state) => state.receivedAt);
  if (exchange === undefined) return <LoadState status={load} what="exchange health" />;
  return (
    <Stack data-testid="health-exchange">
      <Group justify="space-between">
        <Title order={4}>Exchange link</Title>
        <Text size="xs" c="dimmed">
          Reported {receivedAt === undefined ? '—' : formatClockTime(receivedAt)}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Fact
          label="Circuit breaker"
          value={exchange.breaker}
          light={breakerLight(exchange.breaker)}
          testId="health-breaker"
        />
        <Fact
          label="Clock"
          value={exchange.clock.state}
          light={clockLight(exchange.clock)}
          testId="health-clock"
        />
        <Fact
          label="Public stream"
          value={exchange.streams.public}
          light={streamLight(exchange.streams.public)}
          testId="health-stream-public"
        />
        <Fact
          label="Private stream"
          value={exchange.streams.private}
          light={streamLight(exchange.streams.private)}
          testId="health-stream-private"
        />
      </SimpleGrid>
      <ClockFacts clock={exchange.clock} />
      <Pools pools={exchange.limiter} />
    </Stack>
  );
}
