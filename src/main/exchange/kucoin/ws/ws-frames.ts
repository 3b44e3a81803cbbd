/** A frame from the server, loosely typed: only `type` decides what the rest means (docs/reference/kucoin-futures.md#ws-token, #ws-ping, #ws-subscribe). */
export interface ServerFrame {
  readonly type?: unknown;
  readonly id?: unknown;
  readonly topic?: unknown;
  readonly subject?: unknown;
  readonly data?: unknown;
  readonly code?: unknown;
  readonly channelType?: unknown;
}

/** Parses one text frame; undefined for anything that is not a JSON object. */
export function parseFrame(raw: string): ServerFrame | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `{"id","type":"subscribe"|"unsubscribe","topic","privateChannel","response":true}` (docs/reference/kucoin-futures.md#ws-subscribe). */
export function subscriptionFrame(
  id: string,
  type: 'subscribe' | 'unsubscribe',
  topic: string,
  privateChannel: boolean,
): string {
  return JSON.stringify({ id, type, topic, privateChannel, response: true });
}

/** `{"id","type":"ping"}` (docs/reference/kucoin-futures.md#ws-ping). */
export function pingFrame(id: string): string {
  return JSON.stringify({ id, type: 'ping' });
}
