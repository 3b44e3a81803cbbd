import { Box, Group, Overlay, Paper, SegmentedControl, Text } from '@mantine/core';
import { useRef } from 'react';
import { useMarket } from '../../stores/hooks.ts';
import { seriesKey } from '../../stores/market.store.ts';
import { chartTimeframes, useSettingsStore, type Timeframe } from '../../stores/settings.store.ts';
import { OrderDragLabel } from '../chart-trading/OrderDragLabel.tsx';
import { StopDragLabel } from '../chart-trading/StopDragLabel.tsx';
import { ChartLineLegend } from './ChartLineLegend.tsx';
import { useCandleChart } from './useCandleChart.ts';

function ChartControls(props: { readonly symbol: string; readonly timeframe: Timeframe }): React.JSX.Element {
  const setTimeframe = useSettingsStore((state) => state.setTimeframe);
  return (
    <Group justify="space-between">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {props.symbol}
        </Text>
        {/* lightweight-charts draws the time axis in UTC; the tables show local time. */}
        <Text size="xs" c="dimmed">
          times in UTC
        </Text>
      </Group>
      <SegmentedControl
        size="xs"
        data-testid="chart-timeframe"
        value={props.timeframe}
        onChange={(value) => {
          const timeframe = chartTimeframes.find((tf) => tf === value);
          if (timeframe !== undefined) setTimeframe(timeframe);
        }}
        data={chartTimeframes.map((tf) => ({ label: tf, value: tf }))}
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

/**
 * Candles and volume for the chosen symbol and timeframe, with the position's entry, stop,
 * trailing and liquidation lines, a line per open limit order, our fills and the crosshair legend. It fills its parent's
 * height (a resizable pane): the canvas takes everything under the controls; `mih` keeps it
 * usable in a parent that gives it no height.
 */
export function ChartPanel(): React.JSX.Element {
  const symbol = useSettingsStore((state) => state.symbol);
  const timeframe = useSettingsStore((state) => state.timeframe);
  const key = seriesKey(symbol, timeframe);
  const containerRef = useRef<HTMLDivElement | null>(null);
  const legendRef = useRef<HTMLDivElement | null>(null);
  const { chartError } = useCandleChart(containerRef, legendRef, symbol, timeframe);
  return (
    <Paper
      withBorder
      p="sm"
      h="100%"
      display="flex"
      style={{ flexDirection: 'column' }}
      data-testid="chart-panel"
    >
      <ChartControls symbol={symbol} timeframe={timeframe} />
      <Box pos="relative" mt="xs" mih={240} style={{ flex: 1 }}>
        <div ref={containerRef} style={{ position: 'absolute', inset: 0 }} data-testid="chart-canvas" />
        <StopDragLabel />
        <OrderDragLabel />
        <Text
          ref={legendRef}
          component="div"
          size="xs"
          ff="monospace"
          pos="absolute"
          top={4}
          left={8}
          style={{ zIndex: 3, pointerEvents: 'none' }}
          aria-label="Bar under the crosshair: open, high, low, close, volume"
          data-testid="chart-legend-ohlcv"
        />
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
      <ChartLineLegend symbol={symbol} />
    </Paper>
  );
}
