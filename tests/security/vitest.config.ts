import { defineConfig } from 'vitest/config';

// The security suite (tests/security/*.security.test.ts) until the root config has a `security`
// project: `npx vitest run --config tests/security/vitest.config.ts`. Same setup file as the
// other Node projects, so user-data folders land under BULWARK_TEST_RUN_DIR for the secret scan.
export default defineConfig({
  test: {
    name: 'security',
    root: new URL('../..', import.meta.url).pathname,
    environment: 'node',
    include: ['tests/security/**/*.security.test.ts'],
    setupFiles: ['tests/harness/vitest-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
