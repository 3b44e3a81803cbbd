/**
 * The guard in front of every loopback HTTP endpoint of ours that a browser on the same computer
 * could reach. Bound to 127.0.0.1 alone is not enough: a web page can make the trader's browser
 * send requests there (and DNS rebinding can make them look same-origin). So a request is refused
 * unless its Host is exactly our own `127.0.0.1:<port>`, and any request that carries an Origin
 * header — which browsers add to cross-origin and rebinding requests, and curl or Prometheus never
 * send — is refused too.
 */
import type { IncomingMessage } from 'node:http';

/** Why a request was refused: the HTTP status and a one-line reason for the body. */
export interface LoopbackRefusal {
  readonly status: 403 | 421;
  readonly reason: string;
}

/** `undefined` when the request may be served; the refusal otherwise. */
export function loopbackRefusal(
  request: Pick<IncomingMessage, 'headers'>,
  port: number,
): LoopbackRefusal | undefined {
  const { host, origin } = request.headers;
  if (origin !== undefined)
    return { status: 403, reason: 'requests from web pages (an Origin header) are refused' };
  if (host !== `127.0.0.1:${port}`)
    return { status: 421, reason: `only http://127.0.0.1:${port} is served here` };
  return undefined;
}

/**
 * Answers a refused WebSocket upgrade on its raw socket (Node hands `upgrade` requests over
 * without a ServerResponse) and closes it: a real HTTP status, so the client sees why.
 */
export function refuseUpgrade(
  socket: { writable: boolean; end(text: string): void; destroy(): void },
  refusal: LoopbackRefusal,
  body: string,
): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const statusText = refusal.status === 421 ? 'Misdirected Request' : 'Forbidden';
  socket.end(
    `HTTP/1.1 ${String(refusal.status)} ${statusText}\r\nContent-Type: application/json\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n${body}`,
  );
}
