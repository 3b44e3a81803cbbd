import { ConfigError } from '../../../shared/errors.ts';

/** Paper trades on the local venue; live on KuCoin with the trader's keys. */
export type ClientMode = 'paper' | 'live';

const loopbackHosts = new Set(['localhost', '[::1]', '::1']);

/** Whether a URL host is loopback: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(hostname: string): boolean {
  if (loopbackHosts.has(hostname.toLowerCase())) return true;
  const parts = hostname.split('.');
  return (
    parts.length === 4 &&
    parts[0] === '127' &&
    parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)
  );
}

/**
 * Checks an exchange URL for the mode: live needs https/wss; plain http/ws is accepted only in
 * paper mode and only towards loopback (a secret-bearing request must never cross a network in
 * clear text). Throws ConfigError naming the field otherwise. Returns the URL without a trailing slash.
 */
export function checkExchangeUrl(
  field: string,
  url: string,
  mode: ClientMode,
  secure: 'https:' | 'wss:',
): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new ConfigError('exchange-url-invalid', `${field} is not a valid URL: ${url}`, {
      details: { field, url },
      cause,
    });
  }
  const plain = secure === 'https:' ? 'http:' : 'ws:';
  if (parsed.protocol === secure) return url.replace(/\/+$/, '');
  if (parsed.protocol !== plain) {
    throw new ConfigError(
      'exchange-url-scheme',
      `${field} must use ${secure.slice(0, -1)}, not ${parsed.protocol.slice(0, -1)}.`,
      { details: { field, url } },
    );
  }
  if (mode === 'live' || !isLoopbackHost(parsed.hostname)) {
    throw new ConfigError(
      'exchange-url-insecure',
      `${field} uses plain ${plain.slice(0, -1)}; only ${secure.slice(0, -1)} is allowed, except towards loopback (127.0.0.0/8, ::1, localhost) in paper mode.`,
      { details: { field, url, mode } },
    );
  }
  return url.replace(/\/+$/, '');
}
