/** The frame an IPC message came from, reduced to what the trust decision needs. */
export interface IpcSender {
  /** The sending frame's URL (`event.senderFrame.url`). */
  readonly url: string;
  /** Whether it is the window's top frame (`senderFrame.parent === null`). */
  readonly isMainFrame: boolean;
}

/**
 * `scheme://host[:port]` of a URL. WHATWG's `origin` is "null" for custom schemes such as
 * `app://`, so the origin is rebuilt from protocol and host.
 */
export function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** Whether a message may be served: only the app's own origin, only the main frame. */
export function isTrustedSender(sender: IpcSender, trustedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame) return false;
  try {
    return trustedOrigins.includes(originOf(sender.url));
  } catch {
    return false; // unparsable URL: not ours
  }
}
