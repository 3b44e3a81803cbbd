/**
 * Secret scan: after the full suite, no known test secret — nor its base64, base64url or
 * URL-encoded form — may appear in any file a test run wrote: logs, journals, settings,
 * user-data folders, the test keyring's data folder (which must be encrypted), e2e artifacts.
 * Everything lives under BULWARK_TEST_RUN_DIR (default `.tmp/test-run`).
 *
 * Run: `node tests/security/secret-scan.ts [dir]` (Node 24 strips the types). Exit 0 = clean,
 * 1 = a secret leaked (files listed), 2 = nothing to scan (the run wrote no files: a scan of
 * nothing proves nothing).
 */
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { allTestSecrets, encodedForms } from '../fixtures/test-secrets.ts';

/** One leak: where, which secret (by index in the list, never its value) and in which form. */
export interface SecretLeak {
  readonly file: string;
  readonly secretIndex: number;
  readonly form: 'plain' | 'encoded';
}

/** What a scan saw. */
export interface ScanReport {
  readonly filesScanned: number;
  readonly bytesScanned: number;
  readonly leaks: readonly SecretLeak[];
}

function regularFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) out.push(path); // sockets, fifos and symlinks hold no data of their own
    }
  };
  walk(root);
  return out;
}

/** Scans every regular file under `root` for every form of every secret. */
export function scanForSecrets(root: string, secrets: readonly string[]): ScanReport {
  const files = regularFiles(root);
  const needles = secrets.map((secret) => encodedForms(secret).map((form, i) => ({ form, plain: i === 0 })));
  const leaks: SecretLeak[] = [];
  let bytesScanned = 0;
  for (const file of files) {
    // latin1 keeps every byte as one char, so binary files (keyrings, sqlite) are scanned too.
    const text = readFileSync(file).toString('latin1');
    bytesScanned += text.length;
    needles.forEach((forms, secretIndex) => {
      const hit = forms.find((needle) => text.includes(needle.form));
      if (hit !== undefined) leaks.push({ file, secretIndex, form: hit.plain ? 'plain' : 'encoded' });
    });
  }
  return { filesScanned: files.length, bytesScanned, leaks };
}

function main(): number {
  const root = resolve(
    process.argv[2] ?? process.env.BULWARK_TEST_RUN_DIR ?? join(process.cwd(), '.tmp', 'test-run'),
  );
  let report: ScanReport;
  try {
    report = scanForSecrets(root, allTestSecrets);
  } catch (error) {
    process.stderr.write(
      `secret-scan: cannot read ${root}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  if (report.filesScanned === 0) {
    process.stderr.write(
      `secret-scan: ${root} holds no files; run the suite first (a scan of nothing proves nothing)\n`,
    );
    return 2;
  }
  for (const leak of report.leaks) {
    process.stderr.write(
      `secret-scan: LEAK test secret #${leak.secretIndex} (${leak.form}) in ${relative(process.cwd(), leak.file)}\n`,
    );
  }
  process.stdout.write(
    `secret-scan: ${report.filesScanned} files, ${report.bytesScanned} bytes, ${allTestSecrets.length} secrets × 5 forms: ${report.leaks.length === 0 ? 'clean' : `${report.leaks.length} leak(s)`}\n`,
  );
  return report.leaks.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) process.exitCode = main();
