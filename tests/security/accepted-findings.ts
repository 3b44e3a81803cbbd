/**
 * Findings we accept are explained in docs/SECURITY.md, section "Credentials and security
 * suite", as table rows: `| <tool> | <id> | <where> | <why> |`, e.g.
 * `| electronegativity | CONTEXT_ISOLATION_JS_CHECK | main/app/window.ts | … |` or
 * `| npm-audit | GHSA-xxxx-xxxx-xxxx | some-package | … |`. A finding not in the table fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One accepted finding. */
export interface AcceptedFinding {
  readonly tool: 'electronegativity' | 'npm-audit';
  readonly id: string;
  readonly where: string;
  readonly why: string;
}

/** Parses the accepted-findings rows out of SECURITY.md text; rows without a reason are ignored. */
export function parseAcceptedFindings(markdown: string): AcceptedFinding[] {
  const rows: AcceptedFinding[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim().replace(/^`|`$/g, ''));
    // A row `| a | b | c | d |` splits into ['', a, b, c, d, ''].
    if (cells.length < 6) continue;
    const [, tool = '', id = '', where = '', why = ''] = cells;
    if ((tool === 'electronegativity' || tool === 'npm-audit') && id !== '' && why.length >= 10) {
      rows.push({ tool, id, where, why });
    }
  }
  return rows;
}

/** The accepted findings of the repository's docs/SECURITY.md (none when the file is missing). */
export function loadAcceptedFindings(root = process.cwd()): AcceptedFinding[] {
  try {
    return parseAcceptedFindings(readFileSync(join(root, 'docs', 'SECURITY.md'), 'utf8'));
  } catch {
    return [];
  }
}
