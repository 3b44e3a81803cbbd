/**
 * `npm audit --omit=dev`: no high or critical advisory in what ships, unless docs/SECURITY.md
 * explains it. If the advisory endpoint cannot be reached the check says so — "unavailable",
 * never "passed". Run: `node tests/security/npm-audit.ts` → exit 0 clean, 1 unexplained findings,
 * 3 unavailable (printed as NOT CHECKED; tests/security/post-run.ts decides what that means).
 */
import { spawnSync } from 'node:child_process';
import { loadAcceptedFindings, type AcceptedFinding } from './accepted-findings.ts';

/** One high/critical advisory in a shipped package. */
export interface AuditFinding {
  readonly packageName: string;
  readonly severity: string;
  readonly advisory: string;
  readonly title: string;
}

/** The outcome of one audit. */
export type AuditOutcome =
  | { readonly status: 'clean'; readonly explained: readonly AuditFinding[] }
  | {
      readonly status: 'findings';
      readonly unexplained: readonly AuditFinding[];
      readonly explained: readonly AuditFinding[];
    }
  | { readonly status: 'unavailable'; readonly reason: string };

interface Via {
  readonly source?: number;
  readonly title?: string;
  readonly url?: string;
  readonly severity?: string;
}

function findingsOf(report: Record<string, unknown>): AuditFinding[] {
  const vulnerabilities = (report.vulnerabilities ?? {}) as Record<
    string,
    { severity?: string; via?: unknown[] }
  >;
  const out: AuditFinding[] = [];
  for (const [packageName, entry] of Object.entries(vulnerabilities)) {
    for (const via of entry.via ?? []) {
      if (typeof via !== 'object' || via === null) continue; // a string names the package it comes through
      const { severity = entry.severity ?? 'unknown', url = '', title = '' } = via as Via;
      if (severity !== 'high' && severity !== 'critical') continue;
      const advisory = /GHSA-[\w-]+/.exec(url)?.[0] ?? url;
      out.push({ packageName, severity, advisory, title });
    }
  }
  return out;
}

/** Judges `npm audit --json` output: unavailable, clean, or findings split by explained. */
export function judgeAudit(stdout: string, accepted: readonly AcceptedFinding[]): AuditOutcome {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    return { status: 'unavailable', reason: `npm audit printed no JSON report: ${stdout.slice(0, 200)}` };
  }
  if (report.vulnerabilities === undefined) {
    const message =
      typeof report.message === 'string'
        ? report.message
        : JSON.stringify(report.error ?? report).slice(0, 200);
    return {
      status: 'unavailable',
      reason: `the advisory endpoint did not answer with a report: ${message}`,
    };
  }
  const isExplained = (f: AuditFinding): boolean =>
    accepted.some(
      (a) =>
        a.tool === 'npm-audit' &&
        (a.id === f.advisory || (a.id === f.packageName && a.where === f.packageName)),
    );
  const all = findingsOf(report);
  const explained = all.filter(isExplained);
  const unexplained = all.filter((f) => !isExplained(f));
  return unexplained.length === 0
    ? { status: 'clean', explained }
    : { status: 'findings', unexplained, explained };
}

/** Runs `npm audit --omit=dev --json` in `cwd` and judges it. */
export function runAudit(cwd = process.cwd()): AuditOutcome {
  const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.error !== undefined)
    return { status: 'unavailable', reason: `npm audit could not run: ${result.error.message}` };
  return judgeAudit(result.stdout, loadAcceptedFindings(cwd));
}

function main(): number {
  const outcome = runAudit();
  if (outcome.status === 'unavailable') {
    process.stderr.write(`npm audit: NOT CHECKED — ${outcome.reason}\n`);
    return 3;
  }
  for (const f of outcome.explained)
    process.stdout.write(`npm audit: explained ${f.severity} ${f.advisory} in ${f.packageName}\n`);
  if (outcome.status === 'findings') {
    for (const f of outcome.unexplained) {
      process.stderr.write(
        `npm audit: UNEXPLAINED ${f.severity} ${f.advisory} in ${f.packageName}: ${f.title}\n`,
      );
    }
    return 1;
  }
  process.stdout.write('npm audit: no unexplained high/critical advisory in production dependencies\n');
  return 0;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) process.exitCode = main();
