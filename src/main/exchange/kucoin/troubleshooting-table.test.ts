// docs/TROUBLESHOOTING.md's KuCoin error table must say exactly what the error map makes the trader
// see: regenerating it from error-map.ts must give the committed text (run
// `node scripts/gen-troubleshooting.ts` after changing the map).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', '..');

interface Generator {
  regenerated(doc: string): string;
  mappedCodes(): string[];
}

describe('docs/TROUBLESHOOTING.md', () => {
  it('lists every KuCoin code the error map handles, with what the trader sees', async () => {
    const gen = (await import(pathToFileURL(join(root, 'scripts/gen-troubleshooting.ts')).href)) as Generator;
    const doc = readFileSync(join(root, 'docs/TROUBLESHOOTING.md'), 'utf8');
    expect(gen.mappedCodes().length).toBeGreaterThan(20);
    for (const code of ['400002', '400004', '400006', '429000', '330005', '300003'])
      expect(doc).toContain(`| ${code} |`);
    expect(gen.regenerated(doc)).toBe(doc);
  });
});
