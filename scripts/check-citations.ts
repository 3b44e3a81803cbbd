// Finds citations that point outside the repository: section signs of a document the repository
// does not hold, numbered "lessons", the task text, paths into a shared folder beside the repo,
// and notes on who wrote what. The repository stands alone (ADR 0810): a comment or doc cites a
// file in the repository (KuCoin facts: docs/reference/kucoin-futures.md#anchor) or a public URL.
//   node scripts/check-citations.ts        (prints file:line for each stray citation; exit 1 if any)
// src/main/citations.test.ts runs the same scan in the unit suite.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** Where a citation may hide: everything a reader of the repository reads. */
export const scannedRoots = ['src', 'tests', 'bench', 'scripts', 'docs', 'README.md'] as const;

const textExtensions = new Set([
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.mjs',
  '.cjs',
  '.md',
  '.json',
  '.html',
  '.css',
  '.yml',
  '.yaml',
  '.txt',
]);
const skippedDirs = new Set(['node_modules', 'out', 'dist', 'coverage', 'test-results', 'playwright-report']);

/** One kind of stray citation; the patterns are written so that this file does not match itself. */
interface CitationRule {
  readonly name: string;
  readonly pattern: RegExp;
}

export const citationRules: readonly CitationRule[] = [
  { name: 'section sign of an outside document', pattern: /\u00a7/ },
  { name: 'numbered lesson of an outside list', pattern: /\bfield[- ]lessons?\b/i },
  { name: 'the task text', pattern: /\bthe\s+brief\b/i },
  {
    name: 'path into a shared folder outside the repository',
    pattern: /\/work\/|\bshared\/(?:reference|GUIDE)\b/,
  },
  { name: 'outside style guide', pattern: /\bGUIDE\.md\b/ },
  {
    name: 'who-wrote-this note',
    pattern: /\b(?:developer|engineer)\s+owns\b|\bsection\s+owner\b|\blead(?:'|\u2019)s\b/i,
  },
];

/** A line that would otherwise match, kept on purpose; `why` is shown in the ADR and the report. */
interface Allowed {
  readonly file: string;
  readonly contains: string;
  readonly why: string;
}

export const allowed: readonly Allowed[] = [
  {
    file: 'scripts/gen-endpoint-weights.mjs',
    contains: "process.argv[2] ?? '/" + 'work/',
    why: "code, not a comment: the generator's default spec folder; changing it is a behaviour change left to its owner",
  },
];

/** One stray citation: where it is and which rule it broke. */
export interface StrayCitation {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

/** Every stray citation in the text of `file` (path relative to the repository root, `/`-separated). */
export function findInText(file: string, text: string): StrayCitation[] {
  const found: StrayCitation[] = [];
  text.split('\n').forEach((content, index) => {
    const rule = citationRules.find((r) => r.pattern.test(content));
    if (rule === undefined) return;
    if (allowed.some((a) => a.file === file && content.includes(a.contains))) return;
    found.push({ file, line: index + 1, rule: rule.name, text: content.trim() });
  });
  return found;
}

function filesUnder(root: string, path: string): string[] {
  const full = join(root, path);
  let entries;
  try {
    entries = readdirSync(full, { withFileTypes: true });
  } catch {
    return textExtensions.has(extname(path)) ? [path] : [];
  }
  return entries.flatMap((entry) => {
    const child = path + '/' + entry.name;
    if (entry.isDirectory())
      return skippedDirs.has(entry.name) || entry.name.startsWith('.') ? [] : filesUnder(root, child);
    return textExtensions.has(extname(entry.name)) ? [child] : [];
  });
}

/** The text files the scan reads, relative to `root`, `/`-separated. */
export function scannedFiles(root: string): string[] {
  return scannedRoots.flatMap((path) => filesUnder(root, path)).map((file) => file.split(sep).join('/'));
}

/** Every stray citation in the repository at `root`. */
export function findStrayCitations(root: string): StrayCitation[] {
  return scannedFiles(root).flatMap((file) => findInText(file, readFileSync(join(root, file), 'utf8')));
}

/** `file:line  rule  text`, one per citation. */
export function formatCitations(list: readonly StrayCitation[]): string {
  return list.map((c) => `${c.file}:${c.line}  [${c.rule}]  ${c.text}`).join('\n');
}

if (process.argv[1] !== undefined && relative(process.argv[1], import.meta.filename) === '') {
  const list = findStrayCitations(join(import.meta.dirname, '..'));
  if (list.length > 0) {
    console.log(formatCitations(list));
    console.log(
      `${list.length} citation(s) point outside the repository; cite docs/reference/kucoin-futures.md#anchor or a public URL.`,
    );
    process.exitCode = 1;
  }
}
