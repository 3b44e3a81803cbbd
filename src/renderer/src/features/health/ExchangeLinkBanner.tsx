import { Alert, Text } from '@mantine/core';
import { useHealth } from '../../stores/hooks.ts';
import type { ExchangeHealth } from '../../../../shared/ipc/channels/market.ts';

/** What a trader must know when the link to the exchange is degraded; undefined when it is fine. */
export function exchangeLinkProblem(
  health: ExchangeHealth,
): { readonly title: string; readonly body: string } | undefined {
  if (health.breaker === 'open')
    return {
      title: 'Exchange breaker OPEN: new entries are refused',
      body: 'KuCoin failed repeatedly, so Bulwark stopped sending entries for a while. Stops, cancels and closes still go through as probes; the breaker closes by itself when a probe succeeds.',
    };
  if (health.breaker === 'half-open')
    return {
      title: 'Exchange breaker testing the link',
      body: 'After repeated failures Bulwark is sending a probe to KuCoin; entries resume when it succeeds.',
    };
  if (health.streams.public === 'reconnecting' || health.streams.public === 'stopped')
    return {
      title: `Market stream ${health.streams.public}`,
      body: 'Prices, the book and the chart may be behind the market until the stream is back.',
    };
  return undefined;
}

/** A banner above every view while the exchange link is degraded (the header's health light says so too). */
export function ExchangeLinkBanner(): React.JSX.Element | null {
  const exchange = useHealth((state) => state.exchange);
  const problem = exchange === undefined ? undefined : exchangeLinkProblem(exchange);
  if (problem === undefined) return null;
  return (
    <Alert
      color={exchange?.breaker === 'open' ? 'red' : 'yellow'}
      variant="light"
      p="xs"
      title={problem.title}
      data-testid="exchange-link-banner"
    >
      <Text size="sm">{problem.body}</Text>
    </Alert>
  );
}
