/**
 * An independent KuCoin Futures client written straight from the reference (docs/reference/kucoin-futures.md#prehash, #websocket), with no
 * imports from src/main/exchange: what a third-party client does, so the venue is tested against
 * KuCoin's protocol rather than against our own client's reading of it.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import WebSocket from 'ws';

/** A raw HTTP answer. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  /** `text` parsed as JSON (undefined when it is not JSON). */
  readonly json: { code?: string; msg?: string; data?: unknown } & Record<string, unknown>;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** Sends one request exactly as given (headers and body untouched). */
export function rawRequest(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string,
  signal?: AbortSignal,
  localAddress?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const extra = {
      ...(signal === undefined ? {} : { signal }),
      ...(localAddress === undefined ? { agent } : { localAddress }),
    };
    // Node sends DELETE bodies unframed unless told the length (every real client sets it).
    const framed =
      body === undefined ? headers : { 'Content-Length': String(Buffer.byteLength(body)), ...headers };
    const req = request(url, { method, headers: framed, ...extra }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: RawResponse['json'] = {};
        try {
          json = JSON.parse(text) as RawResponse['json'];
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** docs/reference/kucoin-futures.md#signing sign(): base64(HMAC-SHA256(secret, message)). */
export function kcSign(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64');
}

/** Credentials as the venue prints them. */
export interface KcCredentials {
  readonly apiKey: string;
  readonly apiSecret: string;
  readonly passphrase: string;
  readonly keyVersion: string;
}

/** A minimal signed KuCoin Futures REST client (docs/reference/kucoin-futures.md#prehash): query signed raw, body signed byte-exact. */
export class KcClient {
  readonly baseUrl: string;
  readonly credentials: KcCredentials;
  /** Added to Date.now() when signing (clients sync it from /api/v1/timestamp, docs/reference/kucoin-futures.md#server-time). */
  offsetMs = 0;

  constructor(baseUrl: string, credentials: KcCredentials) {
    this.baseUrl = baseUrl;
    this.credentials = credentials;
  }

  /** Signed headers for one request. */
  headers(method: string, pathWithQuery: string, body: string): Record<string, string> {
    const { apiKey, apiSecret, passphrase, keyVersion } = this.credentials;
    const ts = String(Date.now() + this.offsetMs);
    return {
      'KC-API-KEY': apiKey,
      'KC-API-SIGN': kcSign(apiSecret, ts + method.toUpperCase() + pathWithQuery + body),
      'KC-API-TIMESTAMP': ts,
      'KC-API-PASSPHRASE': keyVersion === '1' ? passphrase : kcSign(apiSecret, passphrase),
      'KC-API-KEY-VERSION': keyVersion,
      'Content-Type': 'application/json',
    };
  }

  /** A signed request: params go to the query for GET/DELETE, to a JSON body otherwise. */
  async send(
    method: string,
    path: string,
    params?: Record<string, string | number> | unknown[] | Record<string, unknown>,
    jsonBody = false,
  ): Promise<RawResponse> {
    const useBody = method === 'POST' || jsonBody;
    const body = useBody && params !== undefined ? JSON.stringify(params) : '';
    const raw =
      !useBody && params !== undefined
        ? Object.entries(params as Record<string, string | number>)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join('&')
        : '';
    const encoded =
      !useBody && params !== undefined
        ? new URLSearchParams(
            Object.entries(params as Record<string, string | number>).map(([k, v]): [string, string] => [
              k,
              String(v),
            ]),
          ).toString()
        : '';
    const headers = this.headers(method, path + (raw === '' ? '' : `?${raw}`), body);
    return rawRequest(
      method,
      this.baseUrl + path + (encoded === '' ? '' : `?${encoded}`),
      headers,
      useBody ? body : undefined,
    );
  }

  /** Like {@link send} but returns `data` and fails on any code other than 200000. */
  async data<T = unknown>(
    method: string,
    path: string,
    params?: Record<string, string | number> | unknown[] | Record<string, unknown>,
    jsonBody = false,
  ): Promise<T> {
    const res = await this.send(method, path, params, jsonBody);
    if (res.json.code !== '200000') throw new Error(`${method} ${path} → HTTP ${res.status} ${res.text}`);
    return res.json.data as T;
  }

  /** Public GET. */
  async publicGet(path: string, query = ''): Promise<RawResponse> {
    return rawRequest('GET', this.baseUrl + path + (query === '' ? '' : `?${query}`));
  }
}

/** One WS message as received. */
export type WsFrame = Record<string, unknown> & {
  type?: string;
  id?: string;
  topic?: string;
  subject?: string;
  data?: unknown;
  code?: number;
};

/** A KuCoin push connection that records frames and lets a test wait for one (no sleeps). */
export class KcSocket {
  readonly frames: WsFrame[] = [];
  readonly socket: WebSocket;
  readonly closed: Promise<{ code: number; reason: string }>;
  #waiters: { test: (f: WsFrame) => boolean; resolve: (f: WsFrame) => void }[] = [];

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as WsFrame;
      this.frames.push(frame);
      this.#waiters = this.#waiters.filter((w) => {
        if (!w.test(frame)) return true;
        w.resolve(frame);
        return false;
      });
    });
    this.closed = new Promise((resolve) => {
      this.socket.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
      });
      this.socket.on('error', () => undefined);
    });
  }

  /** Resolves with the first frame (already received or future) that passes `test`. */
  next(test: (f: WsFrame) => boolean, timeoutMs = 10_000): Promise<WsFrame> {
    const seen = this.frames.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(-5))}`),
        );
      }, timeoutMs);
      this.#waiters.push({
        test,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  /** Sends one JSON frame. */
  send(frame: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** Subscribes and waits for the ack (docs/reference/kucoin-futures.md#ws-subscribe). */
  async subscribe(topic: string, privateChannel = false): Promise<WsFrame> {
    const id = `sub-${Math.random().toString(36).slice(2)}`;
    this.send({ id, type: 'subscribe', topic, privateChannel, response: true });
    return this.next((f) => f.id === id && (f.type === 'ack' || f.type === 'error'));
  }

  close(): void {
    this.socket.close();
  }
}

/** Asks for a bullet token and opens the socket the KuCoin way (docs/reference/kucoin-futures.md#ws-token). */
export async function openKcSocket(
  client: KcClient,
  kind: 'public' | 'private',
  connectId = `c${Date.now()}`,
): Promise<{ socket: KcSocket; welcome: WsFrame; bullet: Record<string, unknown> }> {
  const res =
    kind === 'public'
      ? await rawRequest('POST', `${client.baseUrl}/api/v1/bullet-public`)
      : await client.send('POST', '/api/v1/bullet-private');
  const bullet = res.json.data as { token: string; instanceServers: { endpoint: string }[] };
  const endpoint = bullet.instanceServers[0]?.endpoint ?? '';
  const socket = new KcSocket(`${endpoint}?token=${bullet.token}&connectId=${connectId}`);
  const welcome = await socket.next((f) => f.type === 'welcome' || f.type === 'error');
  return { socket, welcome, bullet };
}
