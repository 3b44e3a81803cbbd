import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, CONTENT_SECURITY_POLICY } from './csp.ts';

// No electron import here: the e2e harness serves the built renderer with this same function.
const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Headers every app:// response carries: the CSP travels as a header, not only a meta tag. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Maps `app://bulwark/<path>` to a file inside `rendererDir`. Anything outside that folder, any
 * other host and any non-GET request gets 404/405: the protocol serves the built app and nothing else.
 */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== 'GET') return new Response('Method not allowed', { status: 405 });
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const root = normalize(rendererDir);
  const filePath = normalize(join(root, relative));
  if (!filePath.startsWith(root + sep)) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(filePath);
    const type = mimeTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
    return new Response(new Uint8Array(body), { status: 200, headers: securityHeaders(type) });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}
