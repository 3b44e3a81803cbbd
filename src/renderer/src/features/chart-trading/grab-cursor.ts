/** Who can grab a line on the chart: the stop drag or the order drag. */
export type LineGrabber = 'stop' | 'order';

/**
 * Shows the resize cursor while either drag could grab the line under the pointer. Each drag says
 * only whether it grabs; the cursor is the union, so one drag's hover never clears the other's.
 */
export function showGrab(container: HTMLElement, who: LineGrabber, grabs: boolean): void {
  container.dataset[`${who}Grab`] = grabs ? '1' : '';
  const any = container.dataset.stopGrab === '1' || container.dataset.orderGrab === '1';
  container.style.cursor = any ? 'ns-resize' : '';
}
