/**
 * A loopback HTTP(S) server that plays one provider's documented API for the alert channels'
 * tests: every request is recorded (method, path, headers, body, arrival time, whether it is still
 * open), answered by the provider's handler, or held open forever in `hang` mode (a hung channel).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

/** One request as the peer saw it. */
export interface PeerRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly at: number;
  /** False while a hung request is still waiting for its answer. */
  answered: boolean;
}

/** What a provider's handler returns. */
export interface PeerAnswer {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A running peer. */
export interface HttpPeer {
  readonly url: string;
  readonly requests: PeerRequest[];
  /** `hang`: hold every new request open and never answer. */
  mode: 'answer' | 'hang';
  /** Answers the next `count` requests with this instead of the handler's answer. */
  failNext(count: number, answer: PeerAnswer): void;
  stop(): Promise<void>;
}

const tlsDir = join(import.meta.dirname, '../../../fixtures/tls');

/** The test certificate (CA-signed, for 127.0.0.1) and its CA. */
export const testTls = {
  key: readFileSync(join(tlsDir, 'server-key.pem'), 'utf8'),
  cert: readFileSync(join(tlsDir, 'server-cert.pem'), 'utf8'),
  ca: readFileSync(join(tlsDir, 'ca.pem'), 'utf8'),
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, answer: PeerAnswer): void {
  response.writeHead(answer.status, {
    'Content-Type': answer.contentType ?? 'application/json; charset=utf-8',
    ...answer.headers,
  });
  response.end(answer.body);
}

/** Starts a peer on 127.0.0.1 (https with the test certificate when `tls`). */
export async function startHttpPeer(
  handler: (request: PeerRequest) => PeerAnswer,
  options: { tls?: boolean } = {},
): Promise<HttpPeer> {
  const requests: PeerRequest[] = [];
  const sockets = new Set<Socket>();
  const failures: { count: number; answer: PeerAnswer | undefined } = { count: 0, answer: undefined };
  const peer = { mode: 'answer' as HttpPeer['mode'] };
  const listener = (request: IncomingMessage, response: ServerResponse): void => {
    void readBody(request).then((body) => {
      const entry: PeerRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
        at: Date.now(),
        answered: false,
      };
      requests.push(entry);
      if (peer.mode === 'hang') return;
      const answer = failures.count > 0 && failures.answer !== undefined ? failures.answer : handler(entry);
      if (failures.count > 0) failures.count -= 1;
      entry.answered = true;
      send(response, answer);
    });
  };
  const server: Server =
    options.tls === true
      ? createTlsServer({ key: testTls.key, cert: testTls.cert }, listener)
      : createServer(listener);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls === true ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    get mode() {
      return peer.mode;
    },
    set mode(next) {
      peer.mode = next;
    },
    failNext(count, answer) {
      failures.count = count;
      failures.answer = answer;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers?: Record<string, string>): PeerAnswer {
  return { status, body: JSON.stringify(body), ...(headers === undefined ? {} : { headers }) };
}
