// The e2e fixture: a real engine (paper mode) behind window.bulwark, the built renderer served
// with production headers, and a helper that keeps a screenshot of each flow as an artifact.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { attachEngine } from '../harness/bridge-in-page.ts';
import type { BridgeHandle } from '../harness/bridge-in-page.ts';
import { startTestEngine } from '../harness/engine.ts';
import type { TestEngine } from '../harness/engine.ts';
import { serveBuiltRenderer } from '../harness/renderer-server.ts';

export const artifactsDir = join(process.cwd(), 'artifacts', 'e2e');

/** The two window sizes every terminal flow is shot at: a laptop and a desktop monitor. */
export const screenSizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

interface Fixtures {
  app: {
    testEngine: TestEngine;
    bridge: BridgeHandle;
    origin: string;
    screenshot(name: string): Promise<void>;
    /**
     * Ends a flow as the trader would see it at 1280×800 and at 1920×1080 (`<name>-1280x800.png`,
     * `<name>-1920x1080.png`); `check` runs at each size before its shot.
     */
    screenshotAtBothSizes(name: string, check?: (height: number) => Promise<void>): Promise<void>;
  };
}

export const test = base.extend<Fixtures>({
  app: async ({ context, page }, use, testInfo) => {
    const server = await serveBuiltRenderer();
    const testEngine = await startTestEngine({ label: `e2e-${testInfo.title.replace(/\W+/g, '-')}` });
    const bridge = await attachEngine(context, page, testEngine.engine, server.origin);
    mkdirSync(artifactsDir, { recursive: true });
    const screenshot = async (name: string): Promise<void> => {
      const path = join(artifactsDir, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    };
    const screenshotAtBothSizes = async (
      name: string,
      check?: (height: number) => Promise<void>,
    ): Promise<void> => {
      for (const size of screenSizes) {
        await page.setViewportSize(size);
        await check?.(size.height);
        await screenshot(`${name}-${String(size.width)}x${String(size.height)}`);
      }
    };
    await page.goto(`${server.origin}/index.html`);
    await use({ testEngine, bridge, origin: server.origin, screenshot, screenshotAtBothSizes });
    bridge.detach();
    await testEngine.stop();
    await server.close();
  },
});

export { expect } from '@playwright/test';
