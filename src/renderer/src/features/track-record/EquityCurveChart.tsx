import { ColorType, createChart, LineSeries, type UTCTimestamp } from 'lightweight-charts';
import { Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { toTradingError } from '../../../../shared/errors.ts';
import type { EquityPoint } from '../../../../shared/ipc/channels/trackrecord.ts';

/**
 * The curve's points for lightweight-charts: one per second at most (its time scale is in whole
 * seconds and must strictly increase), the last point of a second winning.
 */
export function curveData(points: readonly EquityPoint[]): { time: UTCTimestamp; value: number }[] {
  const out: { time: UTCTimestamp; value: number }[] = [];
  for (const point of points) {
    const time = Math.floor(point.at / 1000) as UTCTimestamp;
    const value = Number(point.equityUsdt);
    const last = out.at(-1);
    if (last !== undefined && time <= last.time) out[out.length - 1] = { time: last.time, value };
    else out.push({ time, value });
  }
  return out;
}

/** The equity curve (USDT) on a line chart; without a canvas it says so and the rest of the page stays. */
export function EquityCurveChart(props: { readonly points: readonly EquityPoint[] }): React.JSX.Element {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const [chartError, setChartError] = useState<string | undefined>(undefined);
  const { points } = props;
  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return undefined;
    let chart: ReturnType<typeof createChart>;
    try {
      chart = createChart(container, {
        autoSize: true,
        layout: {
          background: { type: ColorType.Solid, color: 'transparent' },
          textColor: '#c1c2c5',
          attributionLogo: true,
        },
        grid: { vertLines: { color: '#2c2e33' }, horzLines: { color: '#2c2e33' } },
        timeScale: { timeVisible: true, secondsVisible: false },
      });
    } catch (error) {
      setChartError(toTradingError(error).message);
      return undefined;
    }
    const series = chart.addSeries(LineSeries, { color: '#4dabf7', lineWidth: 2 });
    series.setData(curveData(points));
    chart.timeScale().fitContent();
    return () => {
      chart.remove();
    };
  }, [points]);
  return (
    <div>
      <div ref={containerRef} data-testid="equity-curve" style={{ height: 220, width: '100%' }} />
      {chartError === undefined ? null : (
        <Text size="sm" c="dimmed" data-testid="equity-curve-error">
          The equity curve cannot be drawn here: {chartError}
        </Text>
      )}
    </div>
  );
}
