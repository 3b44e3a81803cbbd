// Starts the real engine for tests: the same startEngine() the Electron shell calls, with a
// per-test user-data folder under the run directory (which the secret scan reads afterwards)
// and a notifier that records instead of showing desktop notifications.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { join } from 'node:path';
import { startEngine } from '../../src/main/engine.ts';
import type { Engine } from '../../src/main/engine.ts';
import type { NotificationUrgency } from '../../src/main/platform/adapters.ts';
import { systemClock } from '../../src/main/time/clock.ts';
import type { ServiceOverrides } from '../../src/main/wiring/services.ts';

export interface RecordedNotification {
  title: string;
  body: string;
  urgency: NotificationUrgency;
}

export interface TestEngine {
  engine: Engine;
  userData: string;
  notifications: RecordedNotification[];
  /** Clicks the notification at this index of `notifications`, as the trader would on the desktop. */
  clickNotification(index: number): void;
  stop(): Promise<void>;
}

/** The folder every test run writes its user data to (scanned for secrets after the suite). */
export function testRunDir(): string {
  const dir = process.env.BULWARK_TEST_RUN_DIR ?? join(process.cwd(), '.tmp', 'test-run');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Test engines never reach KuCoin (ADR 0182): the paper venue's market is simulated unless the test
 * names its own source (a loopback stand-in).
 */
function pinnedVenue(venue: unknown): Record<string, unknown> {
  const given = typeof venue === 'object' && venue !== null ? (venue as Record<string, unknown>) : {};
  return { ...given, marketData: given.marketData ?? { source: 'simulated' } };
}

/** Starts an engine in a fresh user-data folder (or again in `options.userData`, as a restart). */
export async function startTestEngine(
  options: {
    mode?: 'paper' | 'live';
    label?: string;
    settings?: Record<string, unknown>;
    overrides?: ServiceOverrides;
    /** Start again in this user-data folder (a restart of the app) instead of a fresh one. */
    userData?: string;
  } = {},
): Promise<TestEngine> {
  const userData = options.userData ?? mkdtempSync(join(testRunDir(), `${options.label ?? 'engine'}-`));
  // Each test engine keeps its keychain entries under its own service name, so parallel tests
  // never read or overwrite each other's paper key.
  const settings = {
    ...options.settings,
    venue: pinnedVenue(options.settings?.venue),
    secrets: { keychainService: `bulwark-test-${basename(userData).slice(-12)}` },
  };
  writeFileSync(join(userData, 'settings.json'), JSON.stringify(settings));
  const notifications: RecordedNotification[] = [];
  const clicks: ((() => void) | undefined)[] = [];
  const engine = await startEngine({
    platform: {
      paths: { userData, logs: join(userData, 'logs') },
      notifier: {
        notify: (notification, onClick) => {
          notifications.push(notification);
          clicks.push(onClick);
        },
      },
      clock: systemClock,
    },
    mode: options.mode ?? 'paper',
    version: '0.0.0-test',
    ...(options.overrides === undefined ? {} : { overrides: options.overrides }),
  });
  const clickNotification = (index: number): void => {
    const click = clicks[index];
    if (click === undefined)
      throw new Error(`notification ${String(index)} was not shown or has no click action`);
    click();
  };
  return { engine, userData, notifications, clickNotification, stop: () => engine.stop() };
}
