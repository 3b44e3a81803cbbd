// The scanner itself must be able to fail: plant each form of a test secret where a run would
// write it, in a folder outside the run dir (the real scan must stay clean), and see it caught.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allTestSecrets, liveKeyA, wrongPassphrase } from '../fixtures/test-secrets.ts';
import { scanForSecrets } from './secret-scan.ts';

function plantedDir(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'bw-scan-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return root;
}

describe('secret scan', () => {
  it('is clean on files that hold no secret', () => {
    const root = plantedDir({
      'logs/main.log': '{"event":"key-saved","keyLast4":"ee55"}\n',
      'settings.json': '{}',
    });
    expect(scanForSecrets(root, allTestSecrets)).toMatchObject({ filesScanned: 2, leaks: [] });
  });

  it.each([
    ['plain in a log line', `{"event":"oops","secret":"${liveKeyA.apiSecret}"}`, 'plain'],
    ['base64 in a journal', `x ${Buffer.from(liveKeyA.passphrase).toString('base64')} y`, 'encoded'],
    ['base64url in a crash dump', Buffer.from(liveKeyA.apiSecret).toString('base64url'), 'encoded'],
    ['URL-encoded in a request dump', `GET /x?passphrase=${encodeURIComponent(wrongPassphrase)}`, 'encoded'],
  ] as const)('finds a secret %s', (_label, content, form) => {
    const root = plantedDir({ 'user-data/deep/nested/file.log': content });
    const report = scanForSecrets(root, allTestSecrets);
    expect(report.leaks).toHaveLength(1);
    expect(report.leaks[0]).toMatchObject({ form });
  });

  it('reads binary files byte for byte', () => {
    const binary = Buffer.concat([
      Buffer.from([0, 255, 1, 2]),
      Buffer.from(liveKeyA.apiKey, 'utf8'),
      Buffer.from([0]),
    ]);
    const root = plantedDir({ 'journal/0001.bin': binary });
    expect(scanForSecrets(root, allTestSecrets).leaks).toEqual([
      expect.objectContaining({ secretIndex: allTestSecrets.indexOf(liveKeyA.apiKey), form: 'plain' }),
    ]);
  });
});
