// The audit and electronegativity checks must be able to fail: judge crafted reports.
import { describe, expect, it } from 'vitest';
import { parseAcceptedFindings } from './accepted-findings.ts';
import { judgeAudit } from './npm-audit.ts';
import { unexplainedHigh, type ElectronFinding } from './electronegativity.ts';

const table = `
| tool | id | where | why |
|---|---|---|---|
| npm-audit | GHSA-aaaa-bbbb-cccc | left-pad | Only reachable from the build script, never shipped. |
| electronegativity | CONTEXT_ISOLATION_JS_CHECK | main/app/window.ts | False positive: set in a helper function. |
| electronegativity | SANDBOX_JS_CHECK | main/app/window.ts | short |
`;
const accepted = parseAcceptedFindings(table);

const report = (via: (object | string)[]) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities: { 'left-pad': { severity: 'high', via } } });

describe('accepted findings table', () => {
  it('reads rows with a reason and ignores rows without one', () => {
    expect(accepted.map((a) => a.id)).toEqual(['GHSA-aaaa-bbbb-cccc', 'CONTEXT_ISOLATION_JS_CHECK']);
  });
});

describe('npm audit judgement', () => {
  it('an endpoint error is unavailable, never clean', () => {
    const outcome = judgeAudit(
      JSON.stringify({ message: '405 Method Not Allowed - POST …/advisories/bulk', statusCode: 405 }),
      accepted,
    );
    expect(outcome).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining('405') as unknown,
    });
    expect(judgeAudit('npm ERR! network', accepted).status).toBe('unavailable');
  });

  it('an unexplained high advisory fails; an explained one passes; moderate is ignored', () => {
    const high = {
      source: 1,
      title: 'ReDoS',
      url: 'https://github.com/advisories/GHSA-zzzz-yyyy-xxxx',
      severity: 'high',
    };
    expect(judgeAudit(report([high]), accepted)).toMatchObject({
      status: 'findings',
      unexplained: [{ advisory: 'GHSA-zzzz-yyyy-xxxx' }],
    });
    const known = { ...high, url: 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc' };
    expect(judgeAudit(report([known]), accepted)).toMatchObject({
      status: 'clean',
      explained: [{ advisory: 'GHSA-aaaa-bbbb-cccc' }],
    });
    expect(judgeAudit(report([{ ...high, severity: 'moderate' }, 'other-package']), accepted)).toMatchObject({
      status: 'clean',
    });
  });
});

describe('electronegativity judgement', () => {
  const finding = (id: string, severity: string, file = 'main/app/window.ts'): ElectronFinding => ({
    id,
    severity,
    confidence: 'FIRM',
    file,
    line: 1,
  });
  it('fails on HIGH findings not in the table, matching rule and file', () => {
    const findings = [
      finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH'),
      finding('CONTEXT_ISOLATION_JS_CHECK', 'HIGH', 'main/other.ts'),
      finding('SANDBOX_JS_CHECK', 'HIGH'), // its row has no real reason
      finding('AUXCLICK_JS_CHECK', 'MEDIUM'),
    ];
    expect(unexplainedHigh(findings, accepted).map((f) => `${f.id}@${f.file}`)).toEqual([
      'CONTEXT_ISOLATION_JS_CHECK@main/other.ts',
      'SANDBOX_JS_CHECK@main/app/window.ts',
    ]);
  });
});
