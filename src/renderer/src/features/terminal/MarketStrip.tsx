import { Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { formatPrice, formatSignedPct } from '../../components/price.ts';
import { useNow } from '../../components/useNow.ts';
import { useMarket, useQuotes } from '../../stores/hooks.ts';
import { useSettingsStore } from '../../stores/settings.store.ts';
import { ContractSwitcher } from './ContractSwitcher.tsx';
import { formatFundingRate, fundingCountdown } from './funding.ts';

function Figure(props: {
  readonly label: string;
  readonly value: string;
  readonly testId: string;
  readonly color?: string | undefined;
  readonly hint?: string;
}): React.JSX.Element {
  const figure = (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" ff="monospace" c={props.color ?? 'inherit'} data-testid={props.testId}>
        {props.value}
      </Text>
    </Stack>
  );
  return props.hint === undefined ? figure : <Tooltip label={props.hint}>{figure}</Tooltip>;
}

function Funding(props: { readonly symbol: string }): React.JSX.Element {
  const stats = useQuotes((state) => state.stats[props.symbol]);
  const now = useNow(1000);
  const rate = stats?.fundingRatePct;
  const hint = 'Paid by longs to shorts when positive, by shorts to longs when negative, at each settlement.';
  return (
    <>
      <Figure
        label="Funding"
        value={formatFundingRate(rate)}
        color={rate === undefined ? 'dimmed' : rate < 0 ? 'red' : 'teal'}
        testId="strip-funding-rate"
        hint={hint}
      />
      <Figure
        label="Settles in"
        value={fundingCountdown(stats?.nextFundingAtMs, now)}
        testId="strip-funding-countdown"
      />
    </>
  );
}

/**
 * The terminal's market strip: contract switcher, last / mark / index to the contract's tick,
 * 24 h change and range, funding rate and its countdown. A figure the engine has not sent reads
 * "unknown"; a failed read of the contract figures says why.
 */
export function MarketStrip(): React.JSX.Element {
  const symbol = useSettingsStore((state) => state.symbol);
  const tick = useMarket((state) => state.contracts[symbol]?.tickSize);
  const quote = useQuotes((state) => state.quotes[symbol]);
  const stats = useQuotes((state) => state.stats[symbol]);
  const statsError = useQuotes((state) => state.statsError[symbol]);
  const change = stats?.changePct24h;
  return (
    <Paper withBorder px="sm" py={4} data-testid="market-strip">
      <Group gap="lg" wrap="nowrap">
        <ContractSwitcher />
        <Figure label="Last" value={formatPrice(quote?.last, tick)} testId="strip-last" />
        <Figure label="Mark" value={formatPrice(quote?.mark ?? stats?.markPrice, tick)} testId="strip-mark" />
        <Figure
          label="Index"
          value={formatPrice(quote?.index ?? stats?.indexPrice, tick)}
          testId="strip-index"
        />
        <Figure
          label="24 h"
          value={formatSignedPct(change)}
          color={change === undefined ? 'dimmed' : change < 0 ? 'red' : 'teal'}
          testId="strip-change-24h"
          hint={`High ${formatPrice(stats?.high24h, tick)} · low ${formatPrice(stats?.low24h, tick)}`}
        />
        <Funding symbol={symbol} />
        {statsError === undefined ? null : (
          <Text size="xs" c="yellow" data-testid="strip-stats-error" lineClamp={1}>
            Funding and 24 h figures unavailable: {statsError}
          </Text>
        )}
      </Group>
    </Paper>
  );
}
