import type { KillSwitchReport } from '../../../../shared/ipc/channels/trading.ts';

const plural = (n: number, one: string, many = `${one}s`): string => `${String(n)} ${n === 1 ? one : many}`;

/**
 * What the kill switch did, line by line in the trader's words; anything that did not work comes
 * first, because those orders or positions may still be live at the exchange.
 */
export function killReportLines(report: KillSwitchReport): {
  readonly problems: string[];
  readonly done: string[];
} {
  const problems = [
    ...report.cancelFailures.map(
      (f) => `Cancel failed for ${f.symbol} order ${f.orderId}: ${f.reason} — it may still be working.`,
    ),
    ...report.closes
      .filter((c) => c.outcome === 'failed')
      .map(
        (c) =>
          `${c.symbol} is still open (${plural(c.sizeLots, 'lot')}): ${c.reason ?? 'the close did not fill'}; the engine keeps trying.`,
      ),
  ];
  const done = [
    `Trading is ${report.state.state}.`,
    `${plural(report.cancelledOrders, 'entry order')} cancelled at the exchange.`,
    ...(report.droppedQueuedEntries > 0
      ? [`${plural(report.droppedQueuedEntries, 'queued entry', 'queued entries')} dropped before sending.`]
      : []),
    ...(report.flatten
      ? [
          report.closedPositions.length === 0
            ? 'No position was open.'
            : `Closed at market: ${report.closedPositions.join(', ')}.`,
          `${plural(report.protectiveStopsCancelled, 'stop')} of flat positions cancelled.`,
        ]
      : []),
    ...(report.protectiveStopsKept > 0
      ? [`${plural(report.protectiveStopsKept, 'protective stop')} left guarding open positions.`]
      : []),
  ];
  return { problems, done };
}
