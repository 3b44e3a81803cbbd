/**
 * The Telegram Bot API's sendMessage as documented (https://core.telegram.org/bots/api#sendmessage
 * and #making-requests): `POST /bot<token>/sendMessage` with JSON `chat_id` and `text`; `{ok: true,
 * result: Message}`, or `{ok: false, error_code, description}` — 401 Unauthorized for a wrong token,
 * 400 "Bad Request: chat not found", and 429 with `parameters.retry_after`.
 */
import { json, startHttpPeer, type HttpPeer, type PeerAnswer, type PeerRequest } from './http-peer.ts';

/** The running peer and the messages it delivered. */
export interface TelegramPeer extends HttpPeer {
  readonly messages: { chatId: string; text: string }[];
}

/** A Bot API error body. */
export function telegramError(
  code: number,
  description: string,
  parameters?: Record<string, number>,
): PeerAnswer {
  return json(code, {
    ok: false,
    error_code: code,
    description,
    ...(parameters === undefined ? {} : { parameters }),
  });
}

function answer(
  request: PeerRequest,
  token: string,
  chatId: string,
  messages: TelegramPeer['messages'],
): PeerAnswer {
  const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.path);
  if (match === null) return telegramError(404, 'Not Found');
  if (match[1] !== token) return telegramError(401, 'Unauthorized');
  if (match[2] !== 'sendMessage' || request.method !== 'POST') return telegramError(404, 'Not Found');
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(request.body) as Record<string, unknown>;
  } catch {
    return telegramError(400, "Bad Request: can't parse JSON");
  }
  if (String(payload.chat_id) !== chatId) return telegramError(400, 'Bad Request: chat not found');
  const text = typeof payload.text === 'string' ? payload.text : '';
  if (text === '') return telegramError(400, 'Bad Request: message text is empty');
  messages.push({ chatId, text });
  return json(200, {
    ok: true,
    result: {
      message_id: messages.length,
      from: { id: 1, is_bot: true, first_name: 'Bulwark test bot', username: 'bulwark_test_bot' },
      chat: { id: Number(chatId), type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text,
    },
  });
}

/** Starts a Bot API peer for one bot token and one chat. */
export async function startTelegramPeer(token: string, chatId: string): Promise<TelegramPeer> {
  const messages: TelegramPeer['messages'] = [];
  const peer = await startHttpPeer((request) => answer(request, token, chatId, messages));
  return Object.assign(peer, { messages });
}
