/**
 * @doyensec/electronegativity over src/ (ADR 0401): every HIGH finding must be fixed or
 * explained in docs/SECURITY.md. Runs offline by design: the tool's only network calls fetch
 * translations and Electron's release list (for its "newer Electron has security fixes" check,
 * which we skip — Electron upgrades are tracked by npm audit and the pinned version), and its
 * HTTP client crashes the process when they fail, so `got` is replaced by an immediate refusal.
 * Run: `node tests/security/electronegativity.ts` → exit 0 clean, 1 unexplained HIGH findings.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { loadAcceptedFindings, type AcceptedFinding } from './accepted-findings.ts';

const require = createRequire(import.meta.url);

/** One finding as electronegativity reports it. */
export interface ElectronFinding {
  readonly id: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly line: number;
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: string };
  confidence: { name: string };
}

interface RunResult {
  issues: RawIssue[];
  errors: { file: string; message: string }[];
}

function blockNetwork(): void {
  const moduleApi = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = moduleApi._load;
  const offline = (): Promise<never> =>
    Promise.reject(new Error('offline by design (tests/security/electronegativity.ts)'));
  moduleApi._load = (request: string, ...rest: unknown[]) =>
    request === 'got' ? Object.assign(offline, { head: offline, get: offline }) : load(request, ...rest);
}

/** Runs every electronegativity check except the online one over `input`. */
export async function scanElectron(
  input: string,
  electronVersion: string,
): Promise<{ findings: ElectronFinding[]; errors: RunResult['errors'] }> {
  blockNetwork();
  // Both are Babel-compiled CommonJS whose module.exports is the function itself.
  const i18n = require('@doyensec/electronegativity/dist/locales/i18n.js') as () => Promise<void>;
  await i18n(); // registers the global `__` the checks use for their descriptions
  const run = require('@doyensec/electronegativity/dist/runner.js') as (
    o: object,
    cli: boolean,
  ) => Promise<RunResult>;
  const result = await run(
    {
      input,
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file,
    line: i.location.line,
  }));
  return { findings, errors: result.errors };
}

/** HIGH findings with no row in docs/SECURITY.md (matched on rule id and file). */
export function unexplainedHigh(
  findings: readonly ElectronFinding[],
  accepted: readonly AcceptedFinding[],
): ElectronFinding[] {
  return findings.filter(
    (f) =>
      f.severity === 'HIGH' &&
      !accepted.some((a) => a.tool === 'electronegativity' && a.id === f.id && a.where === f.file),
  );
}

async function main(): Promise<number> {
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const { findings, errors } = await scanElectron(join(process.cwd(), 'src'), electronVersion);
  for (const e of errors)
    process.stderr.write(`electronegativity: could not parse ${e.file}: ${e.message}\n`);
  const bad = unexplainedHigh(findings, loadAcceptedFindings());
  for (const f of findings) {
    const mark = bad.includes(f) ? 'UNEXPLAINED' : f.severity === 'HIGH' ? 'explained' : 'noted';
    process.stdout.write(
      `electronegativity: ${mark} ${f.severity}/${f.confidence} ${f.id} ${f.file}:${f.line}\n`,
    );
  }
  process.stdout.write(`electronegativity: ${findings.length} findings, ${bad.length} unexplained HIGH\n`);
  return bad.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) process.exitCode = await main();
