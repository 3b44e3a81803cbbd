// Renderer benchmark (plain Node 24: `node bench/renderer.bench.ts`); prints one JSON object under
// the key `renderer`. The built renderer (out/renderer, rebuilt first) runs in Debian's Chromium with
// the real engine and its paper venue behind window.bulwark (tests/harness/bridge-in-page.ts, as the
// e2e specs do). A position with a stop and a trailing stop is open, so the positions and orders
// update beside the chart. The venue's price moves 200 times a second for 30 s; main coalesces its
// pushes (`app.eventThrottleMs`, about 20 a second per topic).
//   tickToChartP95Ms / P50 — a candle update arriving in the page → the first canvas draw of its
//                 close as the chart's last-price label, read from outside the app: arrivals are
//                 timed where the bridge hands them in, draws by wrapping the 2D canvas context's
//                 drawing calls (an update with the same close as the one before is not timed).
//   longTasksOver50Ms — PerformanceObserver `longtask` entries during the drive.
//   mainThreadBusyPct — Chromium's TaskDuration (CDP Performance metrics) over the drive's wall time;
//                 it includes the harness's own delivery (one CDP evaluate per push), which
//                 Electron's IPC does not cost, so the app's share is lower.
//   harnessOnlyBusyPct — the same, for 10 s of the same market delivered into a blank page (no app):
//                 the harness's share. appMainThreadBusyPct = mainThreadBusyPct − harnessOnlyBusyPct.
//   heapGrowthPct — the page's live JS objects (a heap snapshot after a forced GC, compiled code left
//                 out) at the end ÷ at the start of the drive (after warm-up): what a leak grows.
//   heapWithCodeGrowthPct — the same for V8's whole used heap (Runtime.getHeapUsage, median of three
//                 GCs), which also counts the code V8 keeps compiling hotter functions into while the
//                 drive runs (a heap snapshot diff showed most of that figure's growth to be code).
//   droppedFramesPct — animation-frame intervals over 33 ms, as a share of all, over a further 10 s
//                 of the same drive: a frame loop in the page times them, and since that loop makes
//                 Chromium run a frame 60 times a second whatever the app does, it runs only then,
//                 never while the main thread's busy share is measured.
//   initialJsGzipKB — the JavaScript index.html loads at once (entry + modulepreloads), gzipped.
//   firstRenderMs — navigation start → the chart's first canvas draw once its history is in (the
//                 "no candles yet" overlay gone).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { attachEngine } from '../tests/harness/bridge-in-page.ts';
import { startTestEngine } from '../tests/harness/engine.ts';
import { serveBuiltRenderer } from '../tests/harness/renderer-server.ts';

const SYMBOL = 'XBTUSDTM';
const DRIVE_MS = 30_000;
const MOVES_PER_SECOND = 200;
// The page's heap after GC climbs for its first ~30 s (the stores, React and the chart filling their
// bounded caches), then holds around one level within ±8 % between single samples: measured after a
// 20 s warm-up, each heap figure the median of three forced GCs.
const WARM_UP_MS = 20_000;
/** How long the blank-page baseline drives the market. */
const HARNESS_DRIVE_MS = 10_000;
/** How long the frame loop times frames (after the measured drive). */
const FRAMES_DRIVE_MS = 10_000;
const rendererDir = join(process.cwd(), 'out', 'renderer');
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (value: number): number => Math.round(value * 10) / 10;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs in the page before the app: times candle arrivals (wrapping the bridge's delivery), canvas
 * draws (wrapping CanvasRenderingContext2D's drawing calls), frames and long tasks.
 */
const probeScript = `(() => {
  const probe = { symbol: null, timeframe: null, latencies: [], frames: [], longTasks: 0, firstHistoryDrawMs: null, historyAt: null, armed: [], lastClose: null };
  Object.defineProperty(window, '__benchProbe', { value: probe });
  const onDraw = (name, args) => {
    const now = performance.now();
    if (probe.historyAt !== null && probe.firstHistoryDrawMs === null && now > probe.historyAt) probe.firstHistoryDrawMs = now;
    if (name !== 'fillText' || probe.armed.length === 0 || typeof args[0] !== 'string') return;
    const drawn = Number(args[0].replace(/[\\s,\\u00a0\\u2009]/g, ''));
    const index = probe.armed.findIndex((update) => update.close === drawn);
    if (index < 0) return;
    // This draw shows the update's close: it and every older one waiting are on screen.
    for (const update of probe.armed.splice(0, index + 1)) probe.latencies.push(now - update.arrival);
  };
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillRect', 'stroke', 'fill', 'drawImage', 'fillText']) {
    const original = proto[name];
    proto[name] = function (...args) { onDraw(name, args); return original.apply(this, args); };
  }
  let last = null;
  let timing = false;
  const frame = (t) => { if (!timing) return; if (last !== null) probe.frames.push(t - last); last = t; requestAnimationFrame(frame); };
  Object.defineProperty(window, '__benchTimeFrames', { value: (on) => { timing = on; last = null; if (on) requestAnimationFrame(frame); } });
  new PerformanceObserver((list) => { probe.longTasks += list.getEntries().filter((e) => e.duration > 50).length; }).observe({ type: 'longtask', buffered: false });
  // The chart has its history once its canvas exists and the "no candles yet" overlay is gone
  // (ChartPanel shows it while the history loads): firstRenderMs is the first draw after that.
  const watchHistory = new MutationObserver(() => {
    const drawn = document.querySelector('[data-testid="chart-canvas"] canvas') !== null;
    if (!drawn || document.querySelector('[data-testid="chart-empty"]') !== null) return;
    probe.historyAt = performance.now();
    watchHistory.disconnect();
  });
  document.addEventListener('DOMContentLoaded', () => { watchHistory.observe(document.body, { childList: true, subtree: true }); });
  // The bridge hands pushes to __bulwarkDeliverTimed (attachEngine's deliverVia): arrivals are timed
  // here, then passed to the bridge's own __bulwarkDeliver.
  Object.defineProperty(window, '__bulwarkDeliverTimed', { value: (event, payload) => {
    const arrival = performance.now();
    const chartShows = probe.timeframe === null || (payload.symbol === probe.symbol && payload.timeframe === probe.timeframe);
    if (event === 'market:candle-updated' && chartShows && payload.candle.close !== probe.lastClose) {
      probe.lastClose = payload.candle.close;
      probe.armed.push({ arrival, close: payload.candle.close });
    }
    window.__bulwarkDeliver?.(event, payload);
  } });
})();`;

function buildRenderer(): void {
  execFileSync(
    process.execPath,
    [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { stdio: 'ignore' },
  );
}

/** The JavaScript index.html loads before anything else (entry script and module preloads), gzipped, in KB. */
function initialJsGzipKB(): number {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const sources = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g),
  ].map((match) => match[1] ?? '');
  const bytes = sources.reduce(
    (sum, source) => sum + gzipSync(readFileSync(join(rendererDir, source)), { level: 9 }).length,
    0,
  );
  return round(bytes / 1024);
}

/** The page's JS heap after a forced GC: the median of three, 200 ms apart. */
async function jsHeapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const samples: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await cdp.send('HeapProfiler.collectGarbage');
    samples.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
    await sleep(200);
  }
  await cdp.detach();
  return samples.sort((a, b) => a - b)[1] ?? Number.NaN;
}

/**
 * Bytes of live JS objects after a forced GC, read from a heap snapshot: every node's self size
 * except compiled code (`code` nodes: bytecode and machine code), which grows as V8 optimises.
 */
async function liveObjectBytes(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => {
    chunks.push(chunk);
  });
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const codeType = snapshot.snapshot.meta.node_types[0].indexOf('code');
  let bytes = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length)
    if (snapshot.nodes[i + typeAt] !== codeType) bytes += snapshot.nodes[i + sizeAt] ?? 0;
  return bytes;
}

/** What the page's probe offers for timing frames. */
interface FrameProbe {
  __benchTimeFrames: (on: boolean) => void;
  __benchProbe: { frames: number[] };
}

/** Frame intervals (ms) while `driveFor` runs, timed by the page's frame loop. */
async function timeFrames(page: Page, driveFor: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const probe = globalThis as unknown as FrameProbe;
    probe.__benchProbe.frames = [];
    probe.__benchTimeFrames(true);
  });
  await driveFor();
  return page.evaluate(() => {
    const probe = globalThis as unknown as FrameProbe;
    probe.__benchTimeFrames(false);
    return probe.__benchProbe.frames;
  });
}

/** Seconds Chromium's main thread has spent in tasks (CDP Performance metrics, enabled by the caller). */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN;
}

/**
 * The harness's own share of the main thread: the same market, the same pushes (main keeps its
 * subscriptions), delivered by the same CDP evaluate per push into a blank page with no app.
 */
async function harnessOnlyBusy(page: Page, cdp: CDPSession, driveFor: () => Promise<void>): Promise<number> {
  await page.goto('data:text/html,<title>harness baseline</title>');
  await sleep(1_000);
  const tasksBefore = await taskSeconds(cdp);
  const wallBefore = performance.now();
  await driveFor();
  return ((await taskSeconds(cdp)) - tasksBefore) / ((performance.now() - wallBefore) / 1000);
}

async function openPositionWithTrailingStop(
  engine: Awaited<ReturnType<typeof startTestEngine>>['engine'],
  origin: string,
): Promise<void> {
  const router = engine.createRouter([origin]);
  const caller = { url: `${origin}/index.html`, isMainFrame: true };
  const mark = engine.services.venue?.exchange.markPrice(SYMBOL).value ?? Number.NaN;
  const answer = await router.handle(
    'trading:place-order',
    {
      symbol: SYMBOL,
      side: 'buy',
      type: 'market',
      sizeLots: 2,
      leverage: 5,
      stopPrice: (Math.round(mark * 0.97 * 10) / 10).toFixed(1),
      trailing: { mode: 'percent', distance: '1' },
    },
    caller,
  );
  if (!(answer as { ok: boolean }).ok)
    throw new Error(`the bench position was refused: ${JSON.stringify(answer)}`);
}

/** Moves the venue's price 200 times a second in small steps around where it is. */
async function drive(setPrice: (price: string) => void, start: number, ms: number): Promise<void> {
  const until = performance.now() + ms;
  let price = start;
  let moves = 0;
  const began = performance.now();
  while (performance.now() < until) {
    const due = Math.floor(((performance.now() - began) / 1000) * MOVES_PER_SECOND);
    for (; moves < due; moves += 1) {
      price += Math.sin(moves / 40) * 2;
      setPrice(price.toFixed(1));
    }
    await sleep(5);
  }
}

async function main(): Promise<void> {
  buildRenderer();
  const executablePath =
    process.env.BULWARK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    ...(executablePath === undefined ? {} : { executablePath }),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const server = await serveBuiltRenderer(rendererDir);
  const testEngine = await startTestEngine({ label: 'bench-renderer' });
  const venue = testEngine.engine.services.venue;
  if (venue === undefined) throw new Error('paper mode must run the venue');
  await context.addInitScript({ content: probeScript });
  const bridge = await attachEngine(context, page, testEngine.engine, server.origin, '__bulwarkDeliverTimed');
  await page.goto(`${server.origin}/index.html`);
  await page.getByTestId('chart-canvas').waitFor();
  await page
    .waitForFunction(
      () =>
        (globalThis as unknown as { __benchProbe: { firstHistoryDrawMs: number | null } }).__benchProbe
          .firstHistoryDrawMs !== null,
      undefined,
      { timeout: 10_000 },
    )
    .catch(async (error: unknown) => {
      console.error(
        await page.evaluate(() =>
          JSON.stringify({
            probe: (globalThis as unknown as { __benchProbe: unknown }).__benchProbe,
            invoke: typeof (globalThis as unknown as { __bulwarkInvoke: unknown }).__bulwarkInvoke,
          }),
        ),
      );
      throw error;
    });
  const firstRenderMs = await page.evaluate(
    () =>
      (globalThis as unknown as { __benchProbe: { firstHistoryDrawMs: number } }).__benchProbe
        .firstHistoryDrawMs,
  );
  await openPositionWithTrailingStop(testEngine.engine, server.origin);
  const start = venue.exchange.markPrice(SYMBOL).value;
  const setPrice = (price: string): void => {
    venue.admin.setPrice(SYMBOL, price);
  };
  await drive(setPrice, start, WARM_UP_MS);
  // Only the chart's own contract and timeframe count (the verdict strip's timeframes arrive too).
  const chartTimeframe = await page.locator('[data-testid="chart-timeframe"] input:checked').inputValue();
  await page.evaluate(
    ([symbol, timeframe]) => {
      const probe = (
        globalThis as unknown as {
          __benchProbe: {
            symbol: string;
            timeframe: string;
            latencies: number[];
            frames: number[];
            longTasks: number;
          };
        }
      ).__benchProbe;
      Object.assign(probe, {
        symbol,
        timeframe,
        latencies: [],
        frames: [],
        longTasks: 0,
        armed: [],
        lastClose: null,
      });
    },
    [SYMBOL, chartTimeframe] as const,
  );
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapBefore = await jsHeapAfterGc(page);
  const objectsBefore = await liveObjectBytes(page);
  const tasksBefore = await taskSeconds(cdp);
  const wallBefore = performance.now();
  await drive(setPrice, start, DRIVE_MS);
  const wallMs = performance.now() - wallBefore;
  const busy = (((await taskSeconds(cdp)) - tasksBefore) * 1000) / wallMs;
  const probe = await page.evaluate(
    () =>
      (
        globalThis as unknown as {
          __benchProbe: { latencies: number[]; frames: number[]; longTasks: number };
        }
      ).__benchProbe,
  );
  const heapAfter = await jsHeapAfterGc(page);
  const objectsAfter = await liveObjectBytes(page);
  const frames = await timeFrames(page, () => drive(setPrice, start, FRAMES_DRIVE_MS));
  const harnessBusy = await harnessOnlyBusy(page, cdp, () => drive(setPrice, start, HARNESS_DRIVE_MS));
  bridge.detach();
  await testEngine.stop();
  await server.close();
  await browser.close();
  const latencies = [...probe.latencies].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      tickToChartP50Ms: round(percentile(latencies, 50)),
      tickToChartP95Ms: round(percentile(latencies, 95)),
      candleUpdatesMeasured: latencies.length,
      chartTimeframe,
      longTasksOver50Ms: probe.longTasks,
      mainThreadBusyPct: round(busy * 100),
      harnessOnlyBusyPct: round(harnessBusy * 100),
      appMainThreadBusyPct: round((busy - harnessBusy) * 100),
      heapGrowthPct: round(((objectsAfter - objectsBefore) / objectsBefore) * 100),
      heapWithCodeGrowthPct: round(((heapAfter - heapBefore) / heapBefore) * 100),
      droppedFramesPct: round(
        (frames.filter((interval) => interval > 33).length / Math.max(1, frames.length)) * 100,
      ),
      initialJsGzipKB: initialJsGzipKB(),
      firstRenderMs: round(firstRenderMs),
      loadAverage1m: round(loadavg()[0] ?? 0),
    }),
  );
}

await main();
