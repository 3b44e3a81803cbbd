/** A frame from the server, loosely typed: only `type` decides what the rest means (§6.1–6.3). */
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
    return typeof value === 'object' && value !== null ? (value) : undefined;
  } catch {
    return undefined;
  }
}

/** `{"id","type":"subscribe"|"unsubscribe","topic","privateChannel","response":true}` (§6.3). */
export function subscriptionFrame(id: string, type: 'subscribe' | 'unsubscribe', topic: string, privateChannel: boolean): string {
  return JSON.stringify({ id, type, topic, privateChannel, response: true });
}

/** `{"id","type":"ping"}` (§6.2). */
export function pingFrame(id: string): string {
  return JSON.stringify({ id, type: 'ping' });
}
