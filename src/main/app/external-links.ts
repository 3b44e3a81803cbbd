import { shell } from 'electron';

/** The only places Bulwark ever opens in the user's browser. */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'www.kucoin.com',
  'kucoin.com',
  'futures.kucoin.com',
  'github.com',
];

/** Whether a URL may be opened outside the app: https only, host on the allow-list, no credentials. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw); // parse, never startsWith: `https://kucoin.com.evil.example` must fail
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    EXTERNAL_HOST_ALLOW_LIST.includes(url.hostname)
  );
}

/** Opens an allow-listed https URL in the default browser; refuses everything else. */
export async function openExternalSafely(raw: string): Promise<boolean> {
  if (!isAllowedExternalUrl(raw)) return false;
  await shell.openExternal(raw);
  return true;
}
