/**
 * A Slack incoming webhook as documented (https://api.slack.com/messaging/webhooks): `POST` JSON to
 * `/services/T…/B…/<token>`; `200 ok` (text/html) on success; on failure an HTTP 4xx with one word:
 * 403 `invalid_token`, 404 `no_service`, 400 `invalid_payload`, 410 `channel_is_archived`.
 */
import { startHttpPeer, type HttpPeer, type PeerAnswer, type PeerRequest } from './http-peer.ts';

/** The running peer and the messages it posted. */
export interface SlackPeer extends HttpPeer {
  readonly messages: { text: string; blocks: unknown }[];
  /** The webhook URL a trader would paste. */
  readonly webhookUrl: string;
}

const word = (status: number, text: string): PeerAnswer => ({ status, body: text, contentType: 'text/html' });

function answer(request: PeerRequest, token: string, messages: SlackPeer['messages']): PeerAnswer {
  const match = /^\/services\/(T[A-Z0-9]+)\/(B[A-Z0-9]+)\/([A-Za-z0-9]+)$/.exec(request.path);
  if (request.method !== 'POST' || match === null) return word(404, 'no_service');
  if (match[3] !== token) return word(403, 'invalid_token');
  if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
    return word(400, 'invalid_payload');
  let payload: unknown;
  try {
    payload = JSON.parse(request.body);
  } catch {
    return word(400, 'invalid_payload');
  }
  const text =
    typeof payload === 'object' && payload !== null && 'text' in payload && typeof payload.text === 'string'
      ? payload.text
      : '';
  if (text === '') return word(400, 'no_text');
  messages.push({ text, blocks: (payload as { blocks?: unknown }).blocks });
  return word(200, 'ok');
}

/** Starts a Slack webhook peer; `token` is the secret last path segment. */
export async function startSlackPeer(token: string, options: { tls?: boolean } = {}): Promise<SlackPeer> {
  const messages: SlackPeer['messages'] = [];
  const peer = await startHttpPeer((request) => answer(request, token, messages), options);
  return Object.assign(peer, { messages, webhookUrl: `${peer.url}/services/T0BULWARK/B0ALERTS/${token}` });
}
