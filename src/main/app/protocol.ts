import { protocol } from 'electron';
import { APP_SCHEME } from './csp.ts';
import { serveAppRequest } from './serve.ts';

/** Must run before `app.whenReady()`: app:// behaves like https (secure, standard, fetch-able). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Installs the app:// handler; call once after `app.whenReady()`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
}
