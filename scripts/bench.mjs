#!/usr/bin/env node
// `npm run bench`: runs every bench/<area>.bench.ts under Node 24 (type stripping), one at a time
// so they do not compete for the 2 cores, and writes bench/out/latest.json (one key per area) and
// bench/out/latest.md (each figure beside its goal). Benchmarks print one JSON object on stdout.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';

/** Goals from the issues: [comparison, target]. */
const goals = {
  venue: { restReqPerSec: ['>=', 3000], wsMsgsPerSec: ['>=', 50000] },
  client: {
    orderOverheadP99Us: ['<=', 150],
    orderRoundTripRatio: ['<=', 1.15],
    limiterUtilization: ['>=', 0.95],
    limiter429: ['<=', 0],
    wsIngestMsgsPerSec: ['>=', 100000],
  },
  trading: { riskCheckP99Us: ['<=', 50] },
  analysis: { indicatorUpdateP99Us: ['<=', 20] },
  alerts: { hungSlackDelayRatio: ['<=', 1.5] },
  metrics: { orderPathOverheadPct: ['<=', 5] },
  renderer: {
    tickToChartP95Ms: ['<=', 35],
    longTasksOver50Ms: ['<=', 0],
    mainThreadBusyPct: ['<=', 30],
    appMainThreadBusyPct: ['<=', 30],
    heapGrowthPct: ['<=', 5],
    initialJsGzipKB: ['<=', 300],
  },
  soak: {
    duplicateOrders: ['<=', 0],
    lostOrders: ['<=', 0],
    nakedSecondsOverLimit: ['<=', 0],
    riskForbiddenOrdersSent: ['<=', 0],
    lostJournalEntries: ['<=', 0],
    lostAlerts: ['<=', 0],
    heapGrowthPct: ['<=', 5],
  },
};

/** A 1-minute load average above this share of the cores means the figures were taken under load. */
const loadedShareOfCores = 0.5;

/** Areas whose bench files (`paper-*.bench.ts`) add figures to one key rather than a sub-key. */
const flatAreas = new Set(['paper']);

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((area) => name.startsWith(area)))
  .sort();
const results = {};
let failures = 0;
for (const file of files) {
  // `venue-core.bench.ts` reports under `venue.core`: one key per area in latest.json.
  const [area, part] = file.replace('.bench.ts', '').split(/-(.*)/s);
  console.error(`bench: ${file} …`);
  const run = spawnSync('node', [join('bench', file)], {
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const lastLine = run.stdout.trim().split('\n').at(-1) ?? '';
  let figures;
  try {
    figures = JSON.parse(lastLine);
  } catch {
    failures += 1;
    figures = { error: `exit ${run.status}: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  }
  // The paper benches each measure one figure of one key (`paper.restoreMs`, `paper.mirrorTickLagP95Ms` …).
  results[area] =
    part === undefined || flatAreas.has(area)
      ? { ...results[area], ...figures }
      : { ...results[area], [part]: figures };
}

function verdict(value, goal) {
  if (goal === undefined || typeof value !== 'number') return '';
  const [op, target] = goal;
  const met = op === '>=' ? value >= target : value <= target;
  return `${op} ${target} ${met ? '✓' : '✗'}`;
}

const cores = cpus().length;
const machineLoad = loadavg()[0] ?? 0;
const lines = [
  '# Benchmarks',
  '',
  `Measured ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${cores} cores, Node ${process.version}; 1-minute load ${machineLoad.toFixed(2)} at the end.`,
  '',
];
for (const [area, figures] of Object.entries(results)) {
  const load = typeof figures.loadAverage1m === 'number' ? figures.loadAverage1m : undefined;
  lines.push(`## ${area}`, '');
  if (load !== undefined && load > cores * loadedShareOfCores)
    lines.push(`Measured under load: 1-minute load average ${load} on ${cores} cores.`, '');
  lines.push('| figure | value | goal |', '|---|---|---|');
  for (const [name, value] of Object.entries(figures)) {
    lines.push(
      `| ${name} | ${typeof value === 'object' ? JSON.stringify(value) : value} | ${verdict(value, goals[area]?.[name])} |`,
    );
  }
  lines.push('');
}
mkdirSync(join('bench', 'out'), { recursive: true });
writeFileSync(join('bench', 'out', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join('bench', 'out', 'latest.md'), `${lines.join('\n')}\n`);
console.log(JSON.stringify(results, null, 2));
process.exit(failures === 0 ? 0 : 1);
