import type { App, Session, WebContents } from 'electron';
import type { Logger } from '../observability/logger.ts';
import { openExternalSafely } from './external-links.ts';

/**
 * Locks down every web contents the app creates (Electron security checklist, docs/SECURITY.md):
 * no navigation away from the app, no new windows (allow-listed links go to the browser),
 * no <webview>.
 */
export function hardenWebContents(contents: WebContents, logger: Logger): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    logger.warn('navigation-blocked', { url });
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    logger.warn('redirect-blocked', { url });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview-blocked', {});
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url).then((opened) => {
      logger.info('window-open-denied', { url, openedInBrowser: opened });
    });
    return { action: 'deny' };
  });
}

/** Denies every permission request and check (camera, notifications from the page, geolocation …). */
export function denyAllPermissions(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('permission-denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** Applies the hardening to every web contents as it is created. */
export function installSecurityHooks(app: App, logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, logger);
  });
}
