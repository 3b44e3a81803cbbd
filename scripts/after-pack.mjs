// electron-builder afterPack hook: flips Bulwark's Electron fuses (src/main/app/fuses.ts) in the
// packaged binary before it is signed and wrapped into AppImage/deb/dmg/NSIS. A failure here fails
// the build: an installer with RunAsNode or --inspect still enabled must never be produced.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Path of the packaged Electron executable inside `appOutDir` for the platform being packed.
 * @param {{ appOutDir: string, electronPlatformName: string, packager: { appInfo: { productFilename: string }, executableName?: string } }} context
 */
export function packagedBinaryPath(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName ?? name);
  }
}

export default async function afterPack(context) {
  const binary = packagedBinaryPath(context);
  const script = join(import.meta.dirname, 'flip-fuses.ts');
  execFileSync(process.execPath, [script, binary], { stdio: 'inherit' });
}
