import type { BulwarkApi } from '../../../shared/ipc/api.ts';

declare global {
  interface Window {
    /**
     * Built by preload from the IPC contract (or by the e2e harness in the test browser).
     * Only src/renderer/src/bridge/ touches it; components never do.
     */
    readonly bulwark?: BulwarkApi;
  }
}

export {};
