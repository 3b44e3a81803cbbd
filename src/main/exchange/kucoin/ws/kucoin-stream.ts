import { randomBytes } from 'node:crypto';
import { ExponentialBackoff, type IBackoff } from 'cockatiel';
import WebSocket from 'ws';
import {
  AuthError,
  ConnectionError,
  ExchangeError,
  TimeoutError,
  toTradingError,
} from '../../../../shared/errors.ts';
import type { ExchangeConfig } from '../../../config/sections/exchange.ts';
import type { Logger } from '../../../observability/logger.ts';
import type { Clock } from '../../../time/clock.ts';
import { checkExchangeUrl, type ClientMode } from '../endpoint-urls.ts';
import type { KucoinBullet } from '../schemas/market.ts';
import type { StreamEvent, StreamMessage, StreamState, StreamStats } from './stream-types.ts';
import { parseFrame, pingFrame, subscriptionFrame, type ServerFrame } from './ws-frames.ts';

/** Dependencies of one {@link KucoinStream}. */
export interface KucoinStreamOptions {
  readonly kind: 'public' | 'private';
  readonly config: ExchangeConfig['ws'];
  readonly mode: ClientMode;
  readonly clock: Clock;
  readonly logger: Logger;
  /** bullet-public / bullet-private: called for **every** connection attempt (docs/reference/kucoin-futures.md#token-expiry). */
  readonly fetchToken: () => Promise<KucoinBullet>;
}

interface PendingAck {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly timer: NodeJS.Timeout;
}

interface Liveness {
  pingId: string | undefined;
  pongDeadline: number;
}

/**
 * One KuCoin WebSocket stream (docs/reference/kucoin-futures.md#websocket): fresh token per connection, welcome, JSON ping/pong, a
 * liveness watchdog, reconnect with back-off + jitter, resubscription, and — for the private
 * stream — a `reconcile-needed` event after every reconnect.
 */
export class KucoinStream {
  readonly #options: KucoinStreamOptions;
  readonly #topics = new Set<string>();
  readonly #pendingAcks = new Map<string, PendingAck>();
  readonly #messageListeners = new Set<(message: StreamMessage) => void>();
  readonly #eventListeners = new Set<(event: StreamEvent) => void>();
  readonly #connectionTimers = new Set<NodeJS.Timeout>();
  readonly #liveness: Liveness = { pingId: undefined, pongDeadline: Infinity };
  #reconnectTimer: NodeJS.Timeout | undefined = undefined;
  #socket: WebSocket | undefined = undefined;
  #state: StreamState = 'idle';
  #backoff: IBackoff<unknown> | undefined = undefined;
  #attempt = 0;
  #everConnected = false;
  #lastHeardAt = 0;
  #sequence = 0;
  #connects = 0;
  #tokensFetched = 0;
  #messages = 0;
  #lastMessageAt: number | undefined = undefined;

  constructor(options: KucoinStreamOptions) {
    this.#options = options;
  }

  /** Opens the stream (and keeps it open until {@link stop}). */
  start(): void {
    if (this.#state !== 'idle') return;
    void this.#connect();
  }

  /**
   * Resumes a stream that stopped retrying after an `auth-failed` event (e.g. once the key was fixed):
   * connects now with a fresh token. A no-op in any other state — the stream retries by itself there.
   */
  restart(): void {
    if (this.#state !== 'auth-failed') return;
    this.#options.logger.info('ws-restart-after-auth-failure', { stream: this.#options.kind });
    void this.#connect();
  }

  /** Subscribes a topic now if connected, and again after every reconnect. Resolves on the ack. */
  subscribe(topic: string): Promise<void> {
    this.#topics.add(topic);
    if (this.#state !== 'open' || this.#socket === undefined) return Promise.resolve();
    return this.#sendSubscription(this.#socket, 'subscribe', topic);
  }

  /** Unsubscribes a topic. */
  unsubscribe(topic: string): Promise<void> {
    this.#topics.delete(topic);
    if (this.#state !== 'open' || this.#socket === undefined) return Promise.resolve();
    return this.#sendSubscription(this.#socket, 'unsubscribe', topic);
  }

  /** Listens to push messages; returns the unsubscribe function. */
  onMessage(listener: (message: StreamMessage) => void): () => void {
    this.#messageListeners.add(listener);
    return () => this.#messageListeners.delete(listener);
  }

  /** Listens to lifecycle events; returns the unsubscribe function. */
  onEvent(listener: (event: StreamEvent) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Counters and state. */
  stats(): StreamStats {
    return {
      state: this.#state,
      connects: this.#connects,
      tokensFetched: this.#tokensFetched,
      messages: this.#messages,
      lastMessageAt: this.#lastMessageAt,
      topics: [...this.#topics],
    };
  }

  /** Closes the socket and cancels every timer; nothing runs after it. */
  stop(): void {
    this.#state = 'stopped';
    if (this.#reconnectTimer !== undefined) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    const socket = this.#socket;
    this.#socket = undefined;
    this.#clearConnection(
      new ConnectionError('stream-stopped', 'The stream is stopping.', { retryable: false }),
    );
    socket?.removeAllListeners();
    socket?.on('error', () => undefined);
    socket?.terminate();
  }

  async #connect(): Promise<void> {
    this.#state = this.#everConnected ? 'reconnecting' : 'connecting';
    try {
      const bullet = await this.#options.fetchToken();
      this.#tokensFetched += 1;
      if (this.#isStopped()) return;
      const server =
        bullet.instanceServers[Math.floor(Math.random() * bullet.instanceServers.length)] ??
        bullet.instanceServers[0];
      if (server === undefined)
        throw new ExchangeError('malformed-response', 'The bullet answer has no instance server.');
      const endpoint = checkExchangeUrl('WebSocket endpoint', server.endpoint, this.#options.mode, 'wss:');
      const connectId = `${this.#options.kind}-${randomBytes(6).toString('hex')}`;
      const url = new URL(endpoint);
      url.searchParams.set('token', bullet.token);
      url.searchParams.set('connectId', connectId);
      const socket = new WebSocket(url);
      await this.#awaitWelcome(socket, connectId);
      if (this.#isStopped()) {
        socket.terminate();
        return;
      }
      this.#onOpen(socket, connectId, server.pingInterval, server.pingTimeout);
    } catch (error) {
      if (this.#isStopped()) return;
      if (error instanceof AuthError) {
        this.#onAuthFailed(error);
        return;
      }
      this.#options.logger.warn('ws-connect-failed', {
        stream: this.#options.kind,
        error: toTradingError(error).message,
      });
      this.#scheduleReconnect();
    }
  }

  /** The token request was refused for the key: retrying every 30 s cannot fix that (ADR 0221). */
  #onAuthFailed(error: AuthError): void {
    this.#state = 'auth-failed';
    this.#attempt = 0;
    this.#backoff = undefined;
    const kucoinCode = typeof error.details.kucoinCode === 'string' ? error.details.kucoinCode : undefined;
    this.#options.logger.error('ws-auth-failed', {
      stream: this.#options.kind,
      code: error.code,
      kucoinCode,
      error: error.message,
    });
    this.#emit({
      type: 'auth-failed',
      code: error.code,
      message: error.message,
      kucoinCode,
      at: this.#options.clock.now(),
    });
  }

  #isStopped(): boolean {
    return this.#state === 'stopped';
  }

  /** Resolves on `{"type":"welcome"}` (docs/reference/kucoin-futures.md#ws-token); rejects on an error frame, a close or the timeout. */
  #awaitWelcome(socket: WebSocket, connectId: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const fail = (error: Error): void => {
        cleanup();
        socket.on('error', () => undefined);
        socket.terminate();
        reject(error);
      };
      const onMessage = (raw: WebSocket.RawData): void => {
        const frame = parseFrame(rawText(raw));
        if (frame?.type === 'welcome') {
          cleanup();
          resolve();
        } else if (frame?.type === 'error') {
          fail(welcomeRefused(frame, connectId));
        }
      };
      const onClose = (code: number, reason: Buffer): void => {
        fail(
          new ConnectionError(
            'ws-closed-before-welcome',
            `The WebSocket closed before the welcome (${code} ${reason.toString()}).`,
          ),
        );
      };
      const onError = (error: Error): void => {
        fail(
          new ConnectionError('ws-connect-error', `The WebSocket could not connect: ${error.message}`, {
            cause: error,
          }),
        );
      };
      const timer = setTimeout(() => {
        fail(
          new TimeoutError('ws-welcome-timeout', 'No welcome from KuCoin in time.', {
            details: { connectId },
          }),
        );
      }, this.#options.config.wsWelcomeTimeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        socket.off('message', onMessage).off('close', onClose).off('error', onError);
      };
      socket.on('message', onMessage).on('close', onClose).on('error', onError);
    });
  }

  #onOpen(socket: WebSocket, connectId: string, serverPingMs: number, serverPongMs: number): void {
    const reconnect = this.#everConnected;
    this.#socket = socket;
    this.#state = 'open';
    this.#everConnected = true;
    this.#connects += 1;
    this.#attempt = 0;
    this.#backoff = undefined;
    this.#lastHeardAt = this.#options.clock.now();
    socket.on('message', (raw) => {
      this.#onFrame(raw);
    });
    socket.on('close', (code, reason) => {
      this.#onDrop(socket, `closed ${code} ${reason.toString()}`);
    });
    socket.on('error', (error) => {
      this.#options.logger.warn('ws-socket-error', { stream: this.#options.kind, error: error.message });
    });
    this.#startHeartbeat(
      socket,
      Math.min(serverPingMs, this.#options.config.wsPingIntervalMaxMs),
      Math.min(serverPongMs, this.#options.config.wsPongTimeoutMaxMs),
    );
    this.#options.logger.info('ws-connected', { stream: this.#options.kind, connectId, reconnect });
    this.#emit({ type: 'connected', connectId, reconnect, at: this.#options.clock.now() });
    void this.#resubscribe(socket, reconnect);
  }

  /** Ping every interval; the watchdog declares the link dead on a missed pong or silence (docs/reference/kucoin-futures.md#ws-ping). */
  #startHeartbeat(socket: WebSocket, pingIntervalMs: number, pongTimeoutMs: number): void {
    const ping = setInterval(() => {
      this.#sequence += 1;
      const id = `${this.#options.clock.now()}-${this.#sequence}`;
      this.#liveness.pingId = id;
      this.#liveness.pongDeadline = this.#options.clock.now() + pongTimeoutMs;
      socket.send(pingFrame(id));
    }, pingIntervalMs);
    const livenessMs = this.#options.config.wsLivenessTimeoutMs;
    const watchdog = setInterval(
      () => {
        this.#checkLiveness(socket, livenessMs);
      },
      Math.max(20, Math.min(1_000, Math.floor(Math.min(livenessMs, pongTimeoutMs) / 4))),
    );
    const maxAge = setTimeout(() => {
      this.#declareDead(socket, 'max connection age reached (token lifetime)');
    }, this.#options.config.wsMaxConnectionAgeMs);
    for (const timer of [ping, watchdog, maxAge]) this.#connectionTimers.add(timer);
  }

  #checkLiveness(socket: WebSocket, livenessMs: number): void {
    const now = this.#options.clock.now();
    if (this.#liveness.pingId !== undefined && now > this.#liveness.pongDeadline)
      this.#declareDead(socket, 'pong missed');
    else if (now - this.#lastHeardAt > livenessMs)
      this.#declareDead(socket, `silent for ${now - this.#lastHeardAt} ms`);
  }

  #declareDead(socket: WebSocket, reason: string): void {
    this.#options.logger.warn('ws-dead', { stream: this.#options.kind, reason });
    this.#onDrop(socket, reason);
    socket.removeAllListeners();
    socket.on('error', () => undefined);
    socket.terminate();
  }

  #onFrame(raw: WebSocket.RawData): void {
    const now = this.#options.clock.now();
    this.#lastHeardAt = now;
    const frame = parseFrame(rawText(raw));
    if (frame === undefined) return;
    if (frame.type === 'message') {
      this.#messages += 1;
      this.#lastMessageAt = now;
      this.#deliver(frame);
    } else if (frame.type === 'pong') {
      if (frame.id === this.#liveness.pingId) this.#liveness.pingId = undefined;
    } else if (frame.type === 'ack' || frame.type === 'error') {
      this.#settleAck(frame);
    }
  }

  #deliver(frame: ServerFrame): void {
    if (typeof frame.topic !== 'string' || typeof frame.subject !== 'string') return;
    const message: StreamMessage = {
      topic: frame.topic,
      subject: frame.subject,
      data: frame.data,
      ...(typeof frame.channelType === 'string' ? { channelType: frame.channelType } : {}),
    };
    for (const listener of this.#messageListeners) listener(message);
  }

  #settleAck(frame: ServerFrame): void {
    const id = typeof frame.id === 'string' ? frame.id : '';
    const pending = this.#pendingAcks.get(id);
    if (pending === undefined) {
      if (frame.type === 'error')
        this.#options.logger.warn('ws-error-frame', {
          stream: this.#options.kind,
          code: String(frame.code),
          data: String(frame.data),
        });
      return;
    }
    this.#pendingAcks.delete(id);
    clearTimeout(pending.timer);
    if (frame.type === 'ack') pending.resolve();
    else
      pending.reject(
        new ExchangeError(
          'ws-subscribe-refused',
          `KuCoin refused the subscription: ${String(frame.code)} ${String(frame.data)}`,
          { details: { code: String(frame.code) } },
        ),
      );
  }

  #sendSubscription(socket: WebSocket, type: 'subscribe' | 'unsubscribe', topic: string): Promise<void> {
    this.#sequence += 1;
    const id = `${type}-${this.#sequence}`;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pendingAcks.delete(id);
        reject(new TimeoutError('ws-ack-timeout', `No ack for ${type} ${topic}.`, { details: { topic } }));
      }, this.#options.config.wsSubscribeAckTimeoutMs);
      this.#pendingAcks.set(id, { resolve, reject, timer });
      socket.send(subscriptionFrame(id, type, topic, this.#options.kind === 'private'));
    });
  }

  async #resubscribe(socket: WebSocket, reconnect: boolean): Promise<void> {
    const topics = [...this.#topics];
    const results = await Promise.allSettled(
      topics.map((topic) => this.#sendSubscription(socket, 'subscribe', topic)),
    );
    const failed = results.filter((result) => result.status === 'rejected').length;
    if (socket !== this.#socket) return;
    if (failed > 0)
      this.#options.logger.warn('ws-resubscribe-incomplete', {
        stream: this.#options.kind,
        failed,
        topics: topics.length,
      });
    if (reconnect)
      this.#emit({ type: 'resubscribed', topics: topics.length - failed, at: this.#options.clock.now() });
    if (reconnect && this.#options.kind === 'private')
      this.#emit({ type: 'reconcile-needed', at: this.#options.clock.now() });
  }

  #onDrop(socket: WebSocket, reason: string): void {
    if (socket !== this.#socket) return;
    this.#socket = undefined;
    this.#clearConnection(new ConnectionError('stream-dropped', `The stream dropped: ${reason}.`));
    this.#options.logger.warn('ws-disconnected', { stream: this.#options.kind, reason });
    this.#emit({ type: 'disconnected', reason, at: this.#options.clock.now() });
    if (!this.#isStopped()) this.#scheduleReconnect();
  }

  #clearConnection(error: Error): void {
    for (const timer of this.#connectionTimers) clearTimeout(timer);
    this.#connectionTimers.clear();
    this.#liveness.pingId = undefined;
    for (const pending of this.#pendingAcks.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pendingAcks.clear();
  }

  /** Back-off with decorrelated jitter (cockatiel); every attempt fetches a fresh token. */
  #scheduleReconnect(): void {
    this.#attempt += 1;
    const factory = new ExponentialBackoff({
      initialDelay: this.#options.config.wsReconnectInitialDelayMs,
      maxDelay: this.#options.config.wsReconnectMaxDelayMs,
    });
    this.#backoff = this.#backoff === undefined ? factory.next() : this.#backoff.next(undefined);
    const delayMs = this.#backoff.duration;
    this.#state = 'reconnecting';
    this.#emit({
      type: 'reconnect-scheduled',
      attempt: this.#attempt,
      delayMs,
      at: this.#options.clock.now(),
    });
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      void this.#connect();
    }, delayMs);
  }

  #emit(event: StreamEvent): void {
    for (const listener of this.#eventListeners) listener(event);
  }
}

/** KuCoin answered the connection with an error frame instead of the welcome. */
function welcomeRefused(frame: { code?: unknown; data?: unknown }, connectId: string): ConnectionError {
  return new ConnectionError(
    'ws-refused',
    `KuCoin refused the WebSocket connection: ${String(frame.code)} ${String(frame.data)}`,
    { details: { connectId } },
  );
}

function rawText(raw: WebSocket.RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(raw).toString('utf8');
}
