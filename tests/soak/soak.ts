// The soak: a paper session against the venue at 10× venue time, three contracts, an order every
// few seconds with trailing stops on, one fault after another (5xx burst, dropped order answers,
// duplicate clientOids accepted, WebSocket death, token expiry, clock skew, a price jump toward
// liquidation, the Slack channel hung), and one kill -9 and restart of the engine in the middle.
// Everything is read from outside: the venue's own order timeline and positions, the journal the
// engine left, the alert peers. `runSoak` returns the figures; nothing here asserts wall-clock time.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { silentLogger } from '../../src/main/observability/logger.ts';
import { configSchema } from '../../src/main/config/schema.ts';
import { openJournal } from '../../src/main/store/journal.ts';
import { startVenue, type RunningVenue } from '../../src/main/venue/index.ts';
import { alertChannelSecrets as secrets } from '../fixtures/test-secrets.ts';
import { uniqueKeychainService, useTestKeyring } from '../harness/keyring.ts';
import { startSlackPeer } from '../integration/alerts/peers/slack-peer.ts';
import { startTelegramPeer } from '../integration/alerts/peers/telegram-peer.ts';
import { soakMarkets, soakMaxPositionLots, soakNakedLimitS, soakSettings } from './soak-config.ts';
import { soakFaults } from './soak-faults.ts';
import { alertFigures, journalFigures, type SoakLine } from './soak-figures.ts';
import { NakedClock } from './naked-clock.ts';

/** The soak's figures (all counts have goal 0). */
export interface SoakFigures {
  readonly minutes: number;
  readonly duplicateOrders: number;
  readonly lostOrders: number;
  readonly nakedSecondsOverLimit: number;
  readonly riskForbiddenOrdersSent: number;
  readonly lostJournalEntries: number;
  readonly lostAlerts: number;
  /** Which alerts were lost, when there are any (empty when the promise held). */
  readonly lostAlertDetails: readonly { at: number; code: string; severity: string }[];
  readonly heapGrowthPct: number;
  readonly eventLoopLagP99Ms: number;
  /** Steps the engine refused or failed, by reason. */
  readonly stepErrorReasons: Record<string, number>;
  /** What the soak did, so a zero is seen to mean something. */
  readonly activity: Record<string, number>;
}

const engineFile = join(import.meta.dirname, 'soak-engine.ts');
const chatId = '24680';

interface EngineRun {
  readonly child: ChildProcess;
  readonly lines: SoakLine[];
  readonly exited: Promise<void>;
}

function runEngine(seed: number, env: NodeJS.ProcessEnv, lines: SoakLine[]): EngineRun {
  const child = spawn(process.execPath, ['--expose-gc', engineFile, String(seed)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
    try {
      lines.push({ ...(JSON.parse(text) as SoakLine), run: seed });
    } catch {
      lines.push({ type: 'unparsed', text, run: seed });
    }
  });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL')
        lines.push({ type: 'engine-failed', code, stderr: stderr.join('').slice(-2000), run: seed });
      resolve();
    });
  });
  return { child, lines, exited };
}

async function waitFor(lines: SoakLine[], type: string, run: number, timeoutMs: number): Promise<void> {
  for (
    const deadline = Date.now() + timeoutMs;
    Date.now() < deadline;
    await new Promise((r) => setTimeout(r, 50))
  ) {
    if (lines.some((line) => line.type === type && line.run === run)) return;
    if (lines.some((line) => (line.type === 'fatal' || line.type === 'engine-failed') && line.run === run))
      break;
  }
  throw new Error(`the soak engine (run ${run}) did not say ${type}: ${JSON.stringify(lines.slice(-5))}`);
}

/** Runs the soak for `minutes` of wall time and returns its figures. */
export async function runSoak(options: { minutes: number; seed?: number }): Promise<SoakFigures> {
  const durationMs = options.minutes * 60_000;
  const keyring = await useTestKeyring();
  const [slack, telegram] = await Promise.all([
    startSlackPeer(secrets.slackWebhookToken),
    startTelegramPeer(secrets.telegramBotToken, chatId),
  ]);
  const venueConfig = configSchema.parse({ venue: { timeScale: 10 } }).venue;
  const venue: RunningVenue = await startVenue({
    config: venueConfig,
    logger: silentLogger,
    port: 0,
    seed: options.seed ?? 21,
  });
  for (const market of soakMarkets) venue.admin.setPrice(market.symbol, market.startPrice);
  const dir = mkdtempSync(join(process.env.BULWARK_TEST_RUN_DIR ?? tmpdir(), 'soak-'));
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(
    join(dir, 'settings.json'),
    JSON.stringify(soakSettings({ telegramUrl: telegram.url, chatId })),
  );
  const userId = venue.keys[0]?.userId ?? '';
  const startedAt = Date.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SOAK_REST_URL: venue.restUrl,
    SOAK_CREDENTIALS: JSON.stringify(venue.credentials),
    SOAK_DIR: dir,
    SOAK_KEYCHAIN_SERVICE: uniqueKeychainService('soak'),
    SOAK_SECRETS: JSON.stringify({ slack: slack.webhookUrl, telegram: secrets.telegramBotToken }),
    SOAK_UNTIL: String(startedAt + durationMs),
    // 20 orders a minute.
    SOAK_ORDER_EVERY_MS: '3000',
  };
  const lines: SoakLine[] = [];
  const naked = new NakedClock(venue, userId, soakNakedLimitS * 1000);
  const sampler = setInterval(() => {
    naked.sample(Date.now());
  }, 200);
  const faults = soakFaults(
    venue,
    { slack },
    durationMs,
    soakMarkets.map((m) => m.symbol),
  );
  try {
    const first = runEngine(1, env, lines);
    await waitFor(lines, 'reconciled', 1, 60_000);
    faults.start();
    // The kill lands in the middle of the session, wherever the workload happens to be.
    await new Promise((resolve) => setTimeout(resolve, durationMs / 2 - (Date.now() - startedAt)));
    first.child.kill('SIGKILL');
    await first.exited;
    lines.push({ type: 'killed', at: Date.now(), run: 1 });
    const second = runEngine(2, env, lines);
    await waitFor(lines, 'done', 2, durationMs + 120_000);
    await second.exited;
  } finally {
    faults.stop();
    clearInterval(sampler);
  }
  naked.sample(Date.now());
  const journal = openJournal({ filePath: join(dir, 'journal.sqlite'), now: () => Date.now() });
  try {
    const timeline = venue.admin
      .orderTimeline({ userId })
      .filter((order) => order.clientOid.startsWith('bw'));
    const fromJournal = journalFigures(journal, timeline, lines, soakMaxPositionLots);
    const alerts = alertFigures(journal, lines, slack.messages.length + telegram.messages.length);
    return {
      minutes: options.minutes,
      ...fromJournal.figures,
      nakedSecondsOverLimit: Number(naked.overLimitSeconds().toFixed(1)),
      lostAlerts: alerts.lostAlerts,
      lostAlertDetails: alerts.lost,
      ...runtimeFigures(lines),
      stepErrorReasons: fromJournal.stepErrorReasons,
      activity: {
        ...fromJournal.activity,
        ...alerts.activity,
        faults: faults.applied().length,
        nakedEpisodes: naked.episodes(),
      },
    };
  } finally {
    journal.close();
    await venue.stop();
    await Promise.all([slack.stop(), telegram.stop()]);
    await keyring.stop();
  }
}

/** Heap growth of the restarted engine after its warm-up (first samples) and its event-loop lag. */
function runtimeFigures(lines: readonly SoakLine[]): { heapGrowthPct: number; eventLoopLagP99Ms: number } {
  const samples = lines.filter((line) => line.type === 'runtime' && line.run === 2) as (SoakLine & {
    heapUsedBytes: number;
    lagP99Ms: number;
  })[];
  // The first two samples (10 s) are the warm-up: caches filling, streams subscribing.
  const warm = samples.length > 4 ? samples.slice(2) : samples;
  const base = Math.min(...warm.slice(0, 2).map((s) => s.heapUsedBytes));
  const end = Math.min(...warm.slice(-2).map((s) => s.heapUsedBytes));
  const lags = lines
    .filter((line) => line.type === 'runtime')
    .map((line) => (line as SoakLine & { lagP99Ms: number }).lagP99Ms)
    .sort((a, b) => a - b);
  return {
    heapGrowthPct: warm.length < 2 ? Number.NaN : Number((((end - base) / base) * 100).toFixed(2)),
    eventLoopLagP99Ms: Number(
      (lags[Math.min(lags.length - 1, Math.floor(lags.length * 0.99))] ?? Number.NaN).toFixed(1),
    ),
  };
}
