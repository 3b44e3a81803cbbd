// The repository stands alone (ADR 0810): no comment or doc may cite a document the repository
// does not hold. KuCoin facts are cited as docs/reference/kucoin-futures.md#anchor, and every such
// anchor must exist in that file. `node scripts/check-citations.ts` prints the same list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findInText,
  findStrayCitations,
  formatCitations,
  scannedFiles,
} from '../../scripts/check-citations.ts';

const root = join(import.meta.dirname, '..', '..');
const referencePath = 'docs/reference/kucoin-futures.md';

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const heading = match[1] ?? '';
    anchors.add(
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  return anchors;
}

describe('stray citation detector', () => {
  it('flags each kind of outside citation and leaves repository citations alone', () => {
    const sample = [
      // Pieced together so that this file does not trip the scan it tests.
      '/** Prehash as KuCoin builds it (\u00a71.2). */',
      '// field ' + 'lesson 3: an inverted stop fires at once',
      '// as the ' + 'brief asked',
      '// copied from ../shared/' + 'reference/kucoin/openapi',
      '// style per GUIDE' + '.md',
      '// The credentials developer ' + "owns connection/; this is the lead'" + 's harness.',
      "import { ok } from '../shared/errors.ts';",
      '/** Stop directions (docs/reference/kucoin-futures.md#stop-orders). */',
      '// https://www.kucoin.com/docs-new/rate-limit',
    ].join('\n');
    expect(findInText('x.ts', sample).map((c) => c.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('the repository stands alone', () => {
  it('cites no document outside the repository', () => {
    expect(formatCitations(findStrayCitations(root))).toBe('');
  });

  it(`every ${referencePath}#anchor cited in the repository exists`, () => {
    const anchors = headingAnchors(readFileSync(join(root, referencePath), 'utf8'));
    const cited = new Set<string>();
    for (const file of scannedFiles(root)) {
      // `…md#a, #b` cites two anchors; `#anchor` is the placeholder in prose about the convention.
      for (const m of readFileSync(join(root, file), 'utf8').matchAll(
        /kucoin-futures\.md((?:#[\w-]+(?:, | and |; | \/ )?)+)/g,
      )) {
        for (const a of (m[1] ?? '').matchAll(/#([\w-]+)/g))
          if (a[1] !== 'anchor') cited.add(`${file}#${a[1] ?? ''}`);
      }
    }
    expect(cited.size).toBeGreaterThan(100);
    const missing = [...cited].filter((c) => !anchors.has(c.slice(c.indexOf('#') + 1)));
    expect(missing).toEqual([]);
  });
});
