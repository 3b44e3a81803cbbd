// Known secrets written through every log path must never reach the log file: plain strings,
// nested objects, errors with causes, HTTP request dumps, header objects, URLs with tokens.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.ts';
import { REDACTED, registerSecret, unregisterSecret } from './redact.ts';

const secrets = {
  apiKey: '67a1b2c3d4e5f60001abcdef',
  apiSecret: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  passphrase: 'my-passphrase-Zq9',
  sign: '8DEsXf1LKGgbZKp43V5YLeXUnJW2XQOqxCZHZWpztRc=',
  encryptedPassphrase: 'ZUxhirp5OjBglgtc4aq/KjncFvUcHNutFAa07pX6WuI=',
  webhook: 'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX',
  wsToken:
    '2neAiuYvAU61ZDXANAGAsiL4-iAExhsBXZxftpOeh_55i3Ysy2q2LEsEWU64mdzUOPusi34M_wGoSf7iNyEWJ4aBZXpWhrmY9jYtqECFCVjy',
  smsToken: 'twilio-auth-token-5f2b9c0e',
};

function readAll(dir: string): string {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}

function base64(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64');
}

describe('log redaction (inside the logger, not in callers)', () => {
  it('no known secret, nor its base64 form, reaches the log file through any path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-log-'));
    const log = createLogger({ filePath: join(dir, 'main.log'), maxSizeBytes: 1024 * 1024, level: 'debug' });
    // As the secret store does when it loads a profile. The signature, the encrypted passphrase,
    // the webhook and the tokens are NOT registered: their redaction rests on keys and shapes alone.
    const loaded = [secrets.apiKey, secrets.apiSecret, secrets.passphrase];
    for (const value of loaded) registerSecret(value);
    const cause = new Error(`signature ${secrets.sign} rejected for key ${secrets.apiKey}`);
    const error = Object.assign(new Error(`auth failed; passphrase=${secrets.passphrase}`, { cause }), {
      config: { headers: { 'KC-API-SIGN': secrets.sign, 'KC-API-PASSPHRASE': secrets.encryptedPassphrase } },
    });
    log.info(`plain string with apiSecret=${secrets.apiSecret} and token=${secrets.wsToken}`);
    log.info('nested', {
      profile: {
        live: { apiKey: secrets.apiKey, apiSecret: secrets.apiSecret, passphrase: secrets.passphrase },
      },
    });
    log.warn('alert-channel', {
      slack: { webhookUrl: secrets.webhook },
      text: `posting to ${secrets.webhook}`,
    });
    log.error('request-failed', { error });
    log.debug('http-request', {
      dump: `POST /api/v1/orders HTTP/1.1\r\nKC-API-KEY: ${secrets.apiKey}\r\nKC-API-SIGN: ${secrets.sign}\r\nKC-API-PASSPHRASE: ${secrets.encryptedPassphrase}\r\n`,
      headers: new Headers({ 'KC-API-SIGN': secrets.sign, 'KC-API-KEY': secrets.apiKey }),
      url: `wss://127.0.0.1:1/?token=${secrets.wsToken}&connectId=abc`,
      body: JSON.stringify({ apiSecret: secrets.apiSecret, passphrase: secrets.passphrase }),
    });
    log.info('sms', { authToken: secrets.smsToken, list: [{ secret: secrets.apiSecret }] });
    log.child({ apiKey: secrets.apiKey }).info('child-binding', {});
    await vi.waitFor(() => {
      expect(readAll(dir)).toContain('child-binding');
    });
    const written = readAll(dir);
    for (const [name, value] of Object.entries(secrets)) {
      expect(written, name).not.toContain(value);
      expect(written, `${name} (base64)`).not.toContain(base64(value));
    }
    expect(written).toContain(REDACTED);
    for (const value of loaded) unregisterSecret(value);
  });

  it('without registration, keys and shapes alone still catch secrets in fields and headers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-log-'));
    const log = createLogger({ filePath: join(dir, 'main.log'), maxSizeBytes: 1024 * 1024 });
    log.info('unregistered', {
      apiKey: secrets.apiKey,
      credentials: { secret: secrets.apiSecret, passphrase: secrets.passphrase },
      raw: `KC-API-KEY: ${secrets.apiKey}\nsecret=${secrets.apiSecret}`,
    });
    await vi.waitFor(() => {
      expect(readAll(dir)).toContain('unregistered');
    });
    for (const value of [secrets.apiKey, secrets.apiSecret, secrets.passphrase])
      expect(readAll(dir)).not.toContain(value);
  });

  it('a registered secret is redacted by value even under an innocent field name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-log-'));
    const log = createLogger({ filePath: join(dir, 'main.log'), maxSizeBytes: 1024 * 1024 });
    const secret = 'zz-registered-secret-value-77';
    registerSecret(secret);
    log.info('innocent', { note: `value is ${secret}`, encoded: base64(secret) });
    await vi.waitFor(() => {
      expect(readAll(dir)).toContain('innocent');
    });
    expect(readAll(dir)).not.toContain(secret);
    expect(readAll(dir)).not.toContain(base64(secret));
    unregisterSecret(secret);
  });

  it('alert channel secrets are caught by shape before anyone registered them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-log-'));
    const log = createLogger({ filePath: join(dir, 'main.log'), maxSizeBytes: 1024 * 1024 });
    const botToken = '7012345678:AAHk3Zq-9dLpX2mVb7TnR4sWc1yEf6gUjOi';
    const twilioBasic = Buffer.from(
      'AC00000000000000000000000000000000:9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    ).toString('base64');
    log.warn('telegram-request', {
      url: `https://api.telegram.org/bot${botToken}/sendMessage`,
      note: `POST /bot${botToken}/sendMessage failed`,
    });
    log.warn('twilio-request', {
      dump: `POST /2010-04-01/Accounts/AC0/Messages.json\r\nAuthorization: Basic ${twilioBasic}\r\n`,
      headers: { Authorization: `Basic ${twilioBasic}` },
    });
    await vi.waitFor(() => {
      expect(readAll(dir)).toContain('twilio-request');
    });
    const written = readAll(dir);
    expect(written).not.toContain(botToken.split(':')[1]);
    expect(written).not.toContain(twilioBasic);
    expect(written).toContain('api.telegram.org/bot[REDACTED]/sendMessage');
  });

  it('writes one JSON line per event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-log-'));
    const log = createLogger({ filePath: join(dir, 'main.log'), maxSizeBytes: 1024 * 1024 });
    log.info('order-submitted', { clientOid: 'abc', note: 'multi\nline' });
    log.info('order-acked', { clientOid: 'abc' });
    await vi.waitFor(() => {
      expect(readAll(dir)).toContain('order-acked');
    });
    const lines = readAll(dir).trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      event: 'order-submitted',
      clientOid: 'abc',
    });
  });

  it('rotates the file when it passes its size limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-log-'));
    const log = createLogger({ filePath: join(dir, 'main.log'), maxSizeBytes: 64 * 1024 });
    for (let i = 0; i < 1500; i += 1) log.info('filler', { i, pad: 'x'.repeat(80) });
    await vi.waitFor(() => {
      expect(readdirSync(dir).length).toBeGreaterThan(1);
    });
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.old.log']);
  });
});
