import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { VenueServerConfig } from '../../config/sections/venue-server.ts';
import type { Logger } from '../../observability/logger.ts';
import type { VenueEvent } from '../core/index.ts';
import { errorFrame, parseClientMessage } from './client-messages.ts';
import { ConnectRate } from './connect-rate.ts';
import type { ClientMessage } from './client-messages.ts';
import type { WsSession } from './session.ts';
import { sendFrame, sessionUser } from './session.ts';
import { SubscriptionIndex } from './subscriptions.ts';
import type { TokenStore, WsToken } from './token-store.ts';
import { carriesMessageId, deliveryTopics, isTopicProblem, messageSn, parseTopic } from './topics.ts';

/** What the gateway needs from the venue. */
export interface WsGatewayDeps {
  readonly settings: VenueServerConfig;
  readonly logger: Logger;
  readonly tokens: TokenStore;
  /** Gateway time (clock + skew), ms. */
  readonly now: () => number;
}

/** Which sessions a WS fault applies to. */
export interface WsFaultScope {
  /** Only the connections of this user (private tokens); default all. */
  readonly userId?: string;
}

/**
 * KuCoin's futures push gateway (docs/reference/kucoin-futures.md#websocket): token check and welcome on connect, JSON ping/pong,
 * subscribe/unsubscribe with ack and error frames, fan-out of core events to subscribers,
 * idle and token-expiry disconnects, and the WS fault drills.
 */
export class WsGateway {
  readonly #deps: WsGatewayDeps;
  #messageCount = 0;
  readonly #server = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 65_536 });
  readonly #sessions = new Set<WsSession>();
  readonly #index = new SubscriptionIndex();
  readonly #connectRate: ConnectRate;
  readonly #sweep: NodeJS.Timeout;

  constructor(deps: WsGatewayDeps) {
    this.#deps = deps;
    this.#connectRate = new ConnectRate(deps.settings.wsNewConnectionsPerUserPerMinute);
    this.#sweep = setInterval(() => {
      this.#sweepSessions();
    }, deps.settings.wsSweepIntervalMs);
    this.#sweep.unref();
  }

  /** Hands an HTTP upgrade to the gateway (any path other than the admin API). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(req, socket, head, (ws) => {
      this.#accept(ws, req);
    });
  }

  #accept(ws: WebSocket, req: IncomingMessage): void {
    const url = new URL(req.url ?? '/', 'ws://venue');
    const connectId = url.searchParams.get('connectId') ?? String(this.#deps.now());
    const token = this.#deps.tokens.valid(url.searchParams.get('token') ?? '', this.#deps.now());
    if (token === undefined) {
      // docs/reference/kucoin-futures.md#ws-limits: 401 token invalid; the connection is closed without a welcome.
      ws.send(errorFrame(connectId, 401, 'token is invalid'), () => {
        ws.close(1000, 'token is invalid');
      });
      return;
    }
    const refusal = this.#admissionRefusal(token);
    if (refusal !== undefined) {
      // docs/reference/kucoin-futures.md#ws-limits: an error frame with KuCoin's 509, then the connection closes without a welcome.
      ws.send(errorFrame(connectId, 509, refusal), () => {
        ws.close();
      });
      return;
    }
    this.#open(ws, token, connectId);
  }

  /**
   * Why a private connection is refused (docs/reference/kucoin-futures.md#ws-limits), or undefined to admit it: the concurrent-session
   * cap, then the new-connections-per-minute cap. KuCoin publishes no text for the latter; the
   * frame follows its session-count wording. Public tokens carry no user and are not counted.
   */
  #admissionRefusal(token: WsToken): string | undefined {
    if (token.kind !== 'private' || token.userId === undefined) return undefined;
    const { settings } = this.#deps;
    if (this.#sessionsOf(token.userId) >= settings.wsMaxSessionsPerUser)
      return `exceed max session count limitation of ${settings.wsMaxSessionsPerUser}`;
    if (!this.#connectRate.admit(token.userId, this.#deps.now()))
      return `exceed max connection count limitation of ${this.#connectRate.limit} per minute`;
    return undefined;
  }

  #open(ws: WebSocket, token: WsToken, connectId: string): void {
    const now = this.#deps.now();
    const session: WsSession = {
      socket: ws,
      token,
      connectId,
      topics: new Set(),
      lastHeardAt: now,
      silent: false,
      uplinkWindowStart: now,
      uplinkCount: 0,
      corked: false,
    };
    this.#sessions.add(session);
    ws.on('message', (data, isBinary) => {
      this.#onFrame(session, isBinary ? '' : bufferText(data));
    });
    ws.on('close', () => {
      this.#sessions.delete(session);
      this.#index.drop(session);
    });
    ws.on('error', () => {
      ws.terminate();
    });
    sendFrame(session, JSON.stringify({ id: connectId, type: 'welcome' }));
  }

  #sessionsOf(userId: string | undefined): number {
    let n = 0;
    for (const s of this.#sessions) if (s.token.kind === 'private' && s.token.userId === userId) n += 1;
    return n;
  }

  #onFrame(session: WsSession, text: string): void {
    if (session.silent) return; // the fault: deaf as well as mute
    const now = this.#deps.now();
    session.lastHeardAt = now;
    if (!this.#withinUplinkBudget(session, now)) return;
    const message = parseClientMessage(text);
    if (message === undefined) {
      sendFrame(session, errorFrame(undefined, 400, 'invalid message'));
      return;
    }
    if (message.type === 'ping')
      sendFrame(session, JSON.stringify({ id: message.id ?? '', type: 'pong', timestamp: now }));
    else if (message.type === 'subscribe') this.#subscribe(session, message);
    else if (message.type === 'unsubscribe') this.#unsubscribe(session, message);
    else sendFrame(session, errorFrame(message.id, 415, `command type ${message.type} is invalid`));
  }

  #withinUplinkBudget(session: WsSession, now: number): boolean {
    if (now - session.uplinkWindowStart >= 10_000) {
      session.uplinkWindowStart = now;
      session.uplinkCount = 0;
    }
    session.uplinkCount += 1;
    if (session.uplinkCount <= this.#deps.settings.wsUplinkMessagesPer10s) return true;
    sendFrame(session, errorFrame(undefined, 509, 'exceed max permits per second'));
    return false;
  }

  #subscribe(session: WsSession, message: ClientMessage): void {
    const parsed = parseTopic(message.topic);
    if (isTopicProblem(parsed)) {
      sendFrame(session, errorFrame(message.id, parsed.code, parsed.data));
      return;
    }
    const { settings } = this.#deps;
    if (parsed.access === 'private' && session.token.kind !== 'private') {
      sendFrame(session, errorFrame(message.id, 403, 'login required'));
      return;
    }
    if (parsed.topics.length > settings.wsMaxTopicsPerSubscribe) {
      sendFrame(
        session,
        errorFrame(
          message.id,
          509,
          `exceed max subscription count limitation of ${settings.wsMaxTopicsPerSubscribe} per time`,
        ),
      );
      return;
    }
    const fresh = parsed.topics.filter((t) => !session.topics.has(t));
    if (session.topics.size + fresh.length > settings.wsMaxTopicsPerSession) {
      sendFrame(
        session,
        errorFrame(
          message.id,
          509,
          `exceed max subscription count limitation of ${settings.wsMaxTopicsPerSession} per session`,
        ),
      );
      return;
    }
    for (const topic of fresh) this.#index.add(session, topic);
    if (message.response === true) sendFrame(session, JSON.stringify({ id: message.id ?? '', type: 'ack' }));
  }

  #unsubscribe(session: WsSession, message: ClientMessage): void {
    const parsed = parseTopic(message.topic);
    if (isTopicProblem(parsed)) {
      sendFrame(session, errorFrame(message.id, parsed.code, parsed.data));
      return;
    }
    for (const topic of parsed.topics) this.#index.remove(session, topic);
    if (message.response === true) sendFrame(session, JSON.stringify({ id: message.id ?? '', type: 'ack' }));
  }

  /** A fresh message id: gateway seconds (8 hex) + a counter (16 hex), like KuCoin's 24-hex ids. */
  #messageId(): string {
    this.#messageCount += 1;
    const seconds = Math.floor(this.#deps.now() / 1000)
      .toString(16)
      .padStart(8, '0');
    return `${seconds}${this.#messageCount.toString(16).padStart(16, '0')}`;
  }

  /** Sends one core event to every session subscribed to it (private ones only to their user). */
  publish(event: VenueEvent): void {
    const userId = 'userId' in event ? event.userId : undefined;
    for (const target of deliveryTopics(event.topic, event.subject)) {
      const listeners = this.#index.listeners(target.topic);
      if (listeners.size === 0) continue;
      const id = carriesMessageId(target.topic) ? this.#messageId() : undefined;
      const text = frameText(target.topic, target.subject, event.data, userId, id);
      for (const session of listeners) {
        if (userId !== undefined && sessionUser(session) !== userId) continue;
        sendFrame(session, text);
      }
    }
  }

  #sweepSessions(): void {
    const now = this.#deps.now();
    for (const session of this.#sessions) {
      const idle = now - session.lastHeardAt > this.#deps.settings.wsIdleTimeoutMs;
      // docs/reference/kucoin-futures.md#ws-token: a connection ends when its token does (24 h on KuCoin).
      if (idle || session.token.expiresAt <= now)
        session.socket.close(1000, idle ? 'ping timeout' : 'token expired');
    }
    this.#deps.tokens.prune(now, 60_000);
    this.#connectRate.prune(now);
  }

  /** Fault: drops connections abruptly (no close frame), as a network failure would. */
  disconnect(scope: WsFaultScope = {}): number {
    return this.#each(scope, (s) => {
      s.socket.terminate();
    });
  }

  /** Fault: connections stay open but the venue stops sending and stops answering pings. */
  silence(on: boolean, scope: WsFaultScope = {}): number {
    return this.#each(scope, (s) => {
      s.silent = on;
    });
  }

  /** Fault: every token (of one user) expires now and its connections are closed. */
  expireTokens(scope: WsFaultScope = {}): number {
    const n = this.#deps.tokens.expireAll(this.#deps.now(), scope.userId);
    this.#each(scope, (s) => {
      s.socket.close(1000, 'token expired');
    });
    return n;
  }

  #each(scope: WsFaultScope, act: (session: WsSession) => void): number {
    let n = 0;
    for (const session of [...this.#sessions]) {
      if (scope.userId !== undefined && sessionUser(session) !== scope.userId) continue;
      act(session);
      n += 1;
    }
    return n;
  }

  /** Number of open connections (admin/tests). */
  connectionCount(): number {
    return this.#sessions.size;
  }

  /** Closes every connection and the sweep timer. */
  close(): void {
    clearInterval(this.#sweep);
    for (const session of this.#sessions) session.socket.terminate();
    this.#sessions.clear();
    this.#server.close();
  }
}

function bufferText(data: unknown): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return '';
}

/**
 * docs/reference/kucoin-futures.md#ws-subscribe message envelope; private messages add userId and channelType, and the topics whose KuCoin
 * schema requires one carry a message `id` (24 hex digits, as KuCoin's examples). Built by hand: hot path.
 */
function frameText(
  topic: string,
  subject: string,
  data: unknown,
  userId: string | undefined,
  id: string | undefined,
): string {
  const snValue = messageSn(topic, data);
  const sn = snValue === undefined ? '' : `,"sn":${snValue}`;
  const messageId = id === undefined ? '' : `,"id":"${id}"`;
  const owner = userId === undefined ? '' : `,"userId":${JSON.stringify(userId)},"channelType":"private"`;
  return `{"topic":${JSON.stringify(topic)},"type":"message","subject":${JSON.stringify(subject)}${messageId}${sn}${owner},"data":${JSON.stringify(data)}}`;
}
