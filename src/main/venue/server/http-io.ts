import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuse } from './kucoin-errors.ts';

/** Sends a JSON body with `status` and extra headers; ignores sockets the client already closed. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Reads the whole body as UTF-8 text; refuses bodies over `maxBytes` with 400100. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) refuse('400100', 'Request body too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The client's IP in KuCoin's dotted form (IPv4-mapped IPv6 unwrapped). */
export function clientIp(req: IncomingMessage): string {
  const raw = req.socket.remoteAddress ?? '';
  return raw.startsWith('::ffff:') ? raw.slice(7) : raw;
}

/** True for requests from this machine (the admin API is loopback-only). */
export function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip.startsWith('127.');
}

/** Parses a JSON body; an unparsable body is KuCoin's 400100 (HTTP 400). */
export function parseJsonBody(rawBody: string): unknown {
  if (rawBody.trim() === '') return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return refuse('400100', 'Invalid request body: not JSON.');
  }
}
