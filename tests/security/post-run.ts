/**
 * The security suite's part of `npm test`, called by scripts/test-all.mjs after the main suite:
 *  (the security specs — IPC fuzzing, secret-scan self-test — run earlier, in the vitest
 *  `security` project of the main coverage pass)
 *  1. electronegativity over src/ (no unexplained HIGH finding),
 *  2. npm audit of production dependencies (no unexplained high/critical advisory),
 *  3. the secret scan again, so files the security specs wrote are scanned too.
 * Exit 1 if any fails. An npm audit that cannot reach its endpoint is reported as NOT CHECKED and
 * fails the run only when BULWARK_REQUIRE_AUDIT=1 (see docs/SECURITY.md).
 */
import { spawnSync } from 'node:child_process';

type Verdict = 'PASS' | 'FAIL' | 'NOT CHECKED';

const steps: readonly {
  name: string;
  command: string;
  args: string[];
  judge?: (status: number | null) => Verdict;
}[] = [
  { name: 'electronegativity over src/', command: 'node', args: ['tests/security/electronegativity.ts'] },
  {
    name: 'npm audit --omit=dev',
    command: 'node',
    args: ['tests/security/npm-audit.ts'],
    judge: (status) => (status === 0 ? 'PASS' : status === 3 ? 'NOT CHECKED' : 'FAIL'),
  },
  {
    name: 'secret scan (again, after the security specs)',
    command: 'node',
    args: ['tests/security/secret-scan.ts'],
  },
];

const results: { name: string; verdict: Verdict }[] = [];
for (const step of steps) {
  process.stdout.write(`\n── ${step.name} ──\n`);
  const { status } = spawnSync(step.command, step.args, { stdio: 'inherit', env: process.env });
  const verdict = step.judge?.(status) ?? (status === 0 ? 'PASS' : 'FAIL');
  results.push({ name: step.name, verdict });
}

process.stdout.write('\n── security summary ──\n');
for (const { name, verdict } of results) process.stdout.write(`${verdict}  ${name}\n`);
const failed = results.filter(
  (r) => r.verdict === 'FAIL' || (r.verdict === 'NOT CHECKED' && process.env.BULWARK_REQUIRE_AUDIT === '1'),
).length;
process.exitCode = failed === 0 ? 0 : 1;
