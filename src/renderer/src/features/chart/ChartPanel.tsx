import { Box, Group, Overlay, Paper, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { useMarket } from '../../stores/hooks.ts';
import { seriesKey } from '../../stores/market.store.ts';
import { timeframesMin, useSettingsStore, type TimeframeMin } from '../../stores/settings.store.ts';
import { useCandleChart } from './useCandleChart.ts';

function timeframeLabel(minutes: number): string {
  if (minutes >= 1440) return `${minutes / 1440}D`;
  if (minutes >= 60) return `${minutes / 60}h`;
  return `${minutes}m`;
}

function ChartControls(props: {
  readonly symbol: string;
  readonly timeframeMin: TimeframeMin;
}): React.JSX.Element {
  const setSymbol = useSettingsStore((state) => state.setSymbol);
  const setTimeframe = useSettingsStore((state) => state.setTimeframe);
  return (
    <Group justify="space-between">
      <TextInput
        size="xs"
        w={140}
        aria-label="Chart symbol"
        data-testid="chart-symbol"
        value={props.symbol}
        onChange={(e) => {
          setSymbol(e.currentTarget.value.toUpperCase());
        }}
      />
      <SegmentedControl
        size="xs"
        data-testid="chart-timeframe"
        value={String(props.timeframeMin)}
        onChange={(value) => {
          const minutes = timeframesMin.find((tf) => String(tf) === value);
          if (minutes !== undefined) setTimeframe(minutes);
        }}
        data={timeframesMin.map((tf) => ({ label: timeframeLabel(tf), value: String(tf) }))}
      />
    </Group>
  );
}

/** Says honestly why the chart is empty: loading, or no candles from the engine. */
function ChartEmptyOverlay(props: { readonly chartKey: string }): React.JSX.Element | null {
  const barCount = useMarket((state) => state.history[props.chartKey]?.bars.length ?? 0);
  const load = useMarket((state) => state.historyLoad[props.chartKey]);
  const unavailable = useMarket((state) => state.unavailable);
  if (barCount > 0) return null;
  const message =
    load?.kind === 'loading' ? 'Loading candles…' : load?.kind === 'unavailable' ? load.message : unavailable;
  return (
    <Overlay backgroundOpacity={0} center zIndex={2}>
      <Text c="dimmed" size="sm" data-testid="chart-empty">
        No candles from the engine yet{message === undefined ? '' : `: ${message}`}
      </Text>
    </Overlay>
  );
}

/** Candles for the chosen symbol and timeframe, with the position's entry, stop, trailing and liquidation lines. */
export function ChartPanel(): React.JSX.Element {
  const symbol = useSettingsStore((state) => state.symbol);
  const timeframeMin = useSettingsStore((state) => state.timeframeMin);
  const key = seriesKey(symbol, timeframeMin);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const { chartError } = useCandleChart(containerRef, symbol, key);
  return (
    <Paper withBorder p="sm" data-testid="chart-panel">
      <ChartControls symbol={symbol} timeframeMin={timeframeMin} />
      <Box pos="relative" h={420} mt="xs">
        <div ref={containerRef} style={{ position: 'absolute', inset: 0 }} data-testid="chart-canvas" />
        {chartError === undefined ? (
          <ChartEmptyOverlay chartKey={key} />
        ) : (
          <Overlay backgroundOpacity={0} center zIndex={2}>
            <Text c="red" size="sm" data-testid="chart-error">
              The chart could not start: {chartError}
            </Text>
          </Overlay>
        )}
      </Box>
    </Paper>
  );
}
