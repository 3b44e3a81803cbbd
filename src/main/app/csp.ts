/**
 * The renderer's Content-Security-Policy, sent as a response header by the app:// protocol
 * handler. `connect-src 'self'`: the renderer never talks to the network — main does.
 * `style-src 'unsafe-inline'` is needed by Mantine's runtime style props (docs/adr/0005-csp.md);
 * scripts stay strictly 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
].join('; ');

/** The scheme and host the built renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bulwark';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
