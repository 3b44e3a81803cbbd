import { defineConfig } from 'vitest/config';

// Four projects: `unit` (shared + main, Node), `integration` (engine ↔ paper venue over loopback,
// Node), `security` (IPC fuzzing, scanner self-test) and `renderer` (renderer logic in a DOM). Playwright owns the e2e suite.
export default defineConfig({
  test: {
    coverage: {
      provider: 'v8',
      reporter: ['text-summary', 'json-summary', 'html'],
      include: ['src/**/*.{ts,tsx}'],
      exclude: ['src/**/*.test.{ts,tsx}', 'src/**/*.d.ts'],
      reportsDirectory: 'coverage',
      // Gates of `npm test` (ADR 0802), a little under the full CI run of 2026-12-03 (unit +
      // integration + renderer): src/main+src/shared 95.1 % lines / 83.2 % branches, trading
      // 95.0 % / 80.6 %, exchange 93.7 % / 82.3 %.
      thresholds: {
        'src/{main,shared}/**/*.{ts,tsx}': { lines: 90, branches: 80 },
        'src/main/trading/**/*.ts': { lines: 92, branches: 78 },
        'src/main/exchange/**/*.ts': { lines: 91, branches: 80 },
      },
    },
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/preload/**/*.test.ts'],
          setupFiles: ['tests/harness/vitest-setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/harness/vitest-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own venue on an ephemeral loopback port; 2 cores.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'security',
          environment: 'node',
          include: ['tests/security/**/*.security.test.ts'],
          setupFiles: ['tests/harness/vitest-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
