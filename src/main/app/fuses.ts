import { FuseV1Options, FuseVersion } from '@electron/fuses';
import type { FuseConfig } from '@electron/fuses';

/**
 * Electron fuses flipped in the packaged binary (scripts/flip-fuses.ts runs at package time).
 * Every fuse is set explicitly (`strictlyRequireAllFuses`), so an Electron upgrade that adds a
 * fuse fails the packaging step instead of silently shipping its default.
 */
export const bulwarkFuses: FuseConfig = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  resetAdHocDarwinSignature: process.platform === 'darwin',
  [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE would turn the app into a plain Node
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS=--require … injection
  [FuseV1Options.EnableNodeCliInspectArguments]: false, // --inspect would expose main (and secrets)
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false, // we serve app://, file:// gets nothing extra
  [FuseV1Options.WasmTrapHandlers]: true,
};
