import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { KcClient } from './kucoin-test-client.ts';

describe('venue CLI (node src/main/venue/cli.ts)', () => {
  it('prints exactly one JSON line with the REST URL and credentials, serves them, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['src/main/venue/cli.ts', '--port', '0', '--seed', '42'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const firstLine = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
      });
      child.on('exit', (code) => {
        reject(new Error(`cli exited ${code} before printing`));
      });
    });
    const line = JSON.parse(await firstLine) as Record<string, string>;
    expect(Object.keys(line).sort()).toEqual(['apiKey', 'apiSecret', 'keyVersion', 'passphrase', 'rest']);
    expect(line.rest).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const kc = new KcClient(line.rest!, {
      apiKey: line.apiKey!,
      apiSecret: line.apiSecret!,
      passphrase: line.passphrase!,
      keyVersion: line.keyVersion!,
    });
    expect((await kc.send('GET', '/api/v1/account-overview', { currency: 'USDT' })).json.code).toBe('200000');
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
