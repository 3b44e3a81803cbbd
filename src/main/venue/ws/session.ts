import type { WebSocket } from 'ws';
import type { WsToken } from './token-store.ts';

/** One client connection (docs/reference/kucoin-futures.md#ws-token): its token, its topics and the fault flags set on it. */
export interface WsSession {
  readonly socket: WebSocket;
  readonly token: WsToken;
  readonly connectId: string;
  /** Single topics this connection is subscribed to. */
  readonly topics: Set<string>;
  /** Gateway time the venue last heard anything from the client (docs/reference/kucoin-futures.md#ws-ping idle timeout). */
  lastHeardAt: number;
  /** Fault: the venue sends nothing and answers no ping, but keeps the socket open. */
  silent: boolean;
  /** Uplink message budget (docs/reference/kucoin-futures.md#ws-limits: 100 per 10 s). */
  uplinkWindowStart: number;
  uplinkCount: number;
  /** True while the socket is corked for the current burst (uncorked on the next tick). */
  corked: boolean;
}

/** The user a private session acts for; public sessions have none. */
export function sessionUser(session: WsSession): string | undefined {
  return session.token.kind === 'private' ? session.token.userId : undefined;
}

/** A client this far behind is dropped rather than buffered without bound (KuCoin disconnects slow readers). */
const maxBufferedBytes = 16 * 1024 * 1024;

/** The TCP socket under a `ws` connection (a private field of `ws`, hence the guarded look-up). */
function tcpOf(socket: WebSocket): { cork(): void; uncork(): void } | undefined {
  const tcp: unknown = (socket as unknown as Record<string, unknown>)._socket;
  return typeof tcp === 'object' && tcp !== null && 'cork' in tcp && 'uncork' in tcp
    ? (tcp as { cork(): void; uncork(): void })
    : undefined;
}

/**
 * Corks the socket for the rest of this tick, so a burst of frames from one core step leaves in
 * one write instead of one syscall per frame (each frame stays a separate WS message).
 */
function corkForBurst(session: WsSession): void {
  if (session.corked) return;
  const tcp = tcpOf(session.socket);
  if (tcp === undefined) return;
  tcp.cork();
  session.corked = true;
  process.nextTick(() => {
    session.corked = false;
    tcp.uncork();
  });
}

/** Sends one frame unless the session is silenced or closed; terminates a client that stopped reading. */
export function sendFrame(session: WsSession, text: string): void {
  if (session.silent || session.socket.readyState !== 1) return;
  if (session.socket.bufferedAmount > maxBufferedBytes) {
    session.socket.terminate();
    return;
  }
  corkForBurst(session);
  session.socket.send(text);
}
