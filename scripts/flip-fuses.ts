// Flips Bulwark's Electron fuses in a packaged Electron binary:
//   node scripts/flip-fuses.ts <path-to-packaged-electron-executable>
// Run by the packaging step; the fuse set itself lives in src/main/app/fuses.ts (unit-tested).
import { flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { bulwarkFuses } from '../src/main/app/fuses.ts';

const [binary] = process.argv.slice(2);
if (binary === undefined) {
  console.error('usage: node scripts/flip-fuses.ts <path-to-electron-executable>');
  process.exit(2);
}
await flipFuses(binary, bulwarkFuses);
console.log(JSON.stringify(await getCurrentFuseWire(binary)));
