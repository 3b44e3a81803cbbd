/**
 * Redaction lives inside the logger, never in callers: whatever a caller passes — strings,
 * nested objects, errors with causes, HTTP request dumps — passes through here first.
 * Three nets, so one miss is caught by the next:
 *  1. by key: any field whose name says secret (apiSecret, passphrase, KC-API-SIGN, token, webhookUrl …);
 *  2. by shape: header lines, `key=value` pairs, bearer and basic tokens, webhook URLs and
 *     Telegram bot tokens (`/bot<id>:<secret>/`) inside free text;
 *  3. by value: every secret registered by the secret store, with its base64 and URL-encoded forms.
 */

export const REDACTED = '[REDACTED]';

const secretKeyPattern =
  /(secret|passphrase|password|passwd|api[-_]?key|^key$|^kc-api-(key|sign|passphrase)$|token|signature|^sign$|authorization|cookie|webhook|credential|private)/i;

// `KC-API-SIGN: abc`, `"apiSecret":"abc"`, `token=abc`, `Authorization: Bearer abc`.
const inlinePatterns: readonly RegExp[] = [
  /((?:kc-api-(?:key|sign|passphrase)|authorization|x-api-key|cookie)\s*[:=]\s*)("?)(?:(?:bearer|basic)\s+)?[^\s",;}&]+/gi,
  /(["']?(?:api[-_]?secret|api[-_]?key|secret|passphrase|password|token|signature|webhook[-_]?url)["']?\s*[:=]\s*)(["']?)[^\s"',;}&]+/gi,
  /([?&](?:token|key|secret|signature|sig|passphrase|access_token)=)()[^&\s"']+/gi,
];
// An HMAC-SHA256 digest in base64 is exactly 44 characters ending in one '=': KC-API-SIGN and the
// encrypted KC-API-PASSPHRASE look like this wherever they end up in free text.
const hmacBase64Pattern = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])/g;
// The Bot API puts the token in the path: https://api.telegram.org/bot<id>:<secret>/sendMessage.
const telegramTokenPattern = /(\/bot)\d{5,16}:[A-Za-z0-9_-]{30,64}/g;
const webhookUrlPattern =
  /https?:\/\/(?:hooks\.slack\.com|discord(?:app)?\.com\/api\/webhooks|[^\s"']*\/(?:webhook|hooks)\/)[^\s"']*/gi;

const registeredSecrets = new Set<string>();

/** Adds a secret value (and its encoded forms) that must never appear in a log line. */
export function registerSecret(value: string): void {
  if (value.length < 4) return; // too short to redact without mangling ordinary text
  registeredSecrets.add(value);
  registeredSecrets.add(Buffer.from(value, 'utf8').toString('base64'));
  registeredSecrets.add(Buffer.from(value, 'utf8').toString('base64url'));
  registeredSecrets.add(encodeURIComponent(value));
}

/** Forgets a secret that was deleted from the keychain. Used by tests and key rotation. */
export function unregisterSecret(value: string): void {
  for (const form of [
    value,
    Buffer.from(value, 'utf8').toString('base64'),
    Buffer.from(value, 'utf8').toString('base64url'),
    encodeURIComponent(value),
  ]) {
    registeredSecrets.delete(form);
  }
}

/** Replaces secret-looking fragments of free text. */
export function redactText(text: string): string {
  let out = text;
  for (const secret of registeredSecrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of inlinePatterns) {
    out = out.replace(pattern, (_m, prefix: string, quote: string) => `${prefix}${quote}${REDACTED}`);
  }
  return out
    .replace(telegramTokenPattern, `$1${REDACTED}`)
    .replace(webhookUrlPattern, REDACTED)
    .replace(hmacBase64Pattern, REDACTED);
}

/** Whether a field name says its value is a secret. */
export function isSecretKey(key: string): boolean {
  return secretKeyPattern.test(key) && !/^(keyVersion|apiKeyVersion|tokenCount|keyLast4)$/i.test(key);
}

function redactError(error: Error, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: redactText(error.message) };
  for (const [key, value] of Object.entries(error)) {
    out[key] = isSecretKey(key) ? REDACTED : redactValue(value, seen, depth + 1);
  }
  if (error.stack !== undefined) out.stack = redactText(error.stack);
  if (error.cause !== undefined) out.cause = redactValue(error.cause, seen, depth + 1);
  return out;
}

function redactHeaders(headers: Headers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  headers.forEach((value, key) => {
    out[key] = isSecretKey(key) ? REDACTED : redactText(value);
  });
  return out;
}

function redactObject(value: object, seen: WeakSet<object>, depth: number): unknown {
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, seen, depth);
  if (value instanceof Headers) return redactHeaders(value);
  if (value instanceof Map) return redactValue(Object.fromEntries(value), seen, depth);
  if (Array.isArray(value)) return value.map((item: unknown) => redactValue(item, seen, depth + 1));
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      isSecretKey(key) && item !== undefined && item !== null ? REDACTED : redactValue(item, seen, depth + 1);
  }
  return out;
}

/** Deep-copies a value with every secret replaced by {@link REDACTED}. Never mutates the input. */
export function redactValue(value: unknown, seen = new WeakSet<object>(), depth = 0): unknown {
  if (depth > 8) return '[Truncated]';
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return `[${typeof value}]`;
  if (value === null || typeof value !== 'object') return value;
  return redactObject(value, seen, depth);
}
