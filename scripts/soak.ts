// `npm run soak`: the 10-minute soak (tests/soak/soak.ts). Prints its figures and writes them under
// `soak` in bench/out/latest.json and bench/out/soak.json. `--minutes N` runs a different length.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { runSoak } from '../tests/soak/soak.ts';

const at = process.argv.indexOf('--minutes');
const minutes = at === -1 ? 10 : Number(process.argv[at + 1]);
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error('soak: --minutes needs a positive number, e.g. --minutes 10');
  process.exit(2);
}
process.env.BULWARK_TEST_RUN_DIR ??= join(process.cwd(), '.tmp', 'soak-run');
mkdirSync(process.env.BULWARK_TEST_RUN_DIR, { recursive: true });
const figures = {
  ...(await runSoak({ minutes })),
  loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
  cpus: cpus().length,
  node: process.version,
};
const out = join('bench', 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'soak.json'), `${JSON.stringify(figures, null, 2)}\n`);
const latestPath = join(out, 'latest.json');
const latest = existsSync(latestPath)
  ? (JSON.parse(readFileSync(latestPath, 'utf8')) as Record<string, unknown>)
  : {};
writeFileSync(latestPath, `${JSON.stringify({ ...latest, soak: figures }, null, 2)}\n`);
console.log(JSON.stringify(figures, null, 2));
const zeros = [
  'duplicateOrders',
  'lostOrders',
  'nakedSecondsOverLimit',
  'riskForbiddenOrdersSent',
  'lostJournalEntries',
  'lostAlerts',
] as const;
const broken = zeros.filter((name) => figures[name] !== 0);
if (broken.length > 0) console.error(`soak: not held at zero: ${broken.join(', ')}`);
process.exit(broken.length === 0 ? 0 : 1);
