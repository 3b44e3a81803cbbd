/**
 * Telegram through the Bot API's `sendMessage` (https://core.telegram.org/bots/api#sendmessage):
 * `POST /bot<token>/sendMessage` with `chat_id` and `text`. Success is `{ok: true, result}`;
 * failure `{ok: false, error_code, description}` (401 wrong token, 400 chat not found, 403 the bot
 * was blocked), and on 429 `parameters.retry_after` says how many seconds to wait — honoured.
 * The token sits in the URL's path, so no message here ever contains the URL.
 */
import {
  AuthError,
  ConnectionError,
  RateLimitError,
  TradingError,
  ValidationError,
} from '../../../shared/errors.ts';
import type { Alert } from '../../../shared/ipc/channels/alerts.ts';
import { plainText, testAlert } from '../format.ts';
import { postWebhook } from '../http.ts';
import type { DeliveryContext, DeliveryReceipt } from '../sink.ts';
import type { SinkContext, SinkDefinition } from './sink-context.ts';

function field(data: unknown, name: string): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
}

/** `parameters.retry_after` (seconds) of a Bot API error body. */
export function telegramRetryAfter(data: unknown): number | undefined {
  const seconds = field(field(data, 'parameters'), 'retry_after');
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** A Bot API error body in the trader's words. */
export function telegramRefusal(status: number, data: unknown): TradingError {
  const code = typeof field(data, 'error_code') === 'number' ? Number(field(data, 'error_code')) : status;
  const description =
    typeof field(data, 'description') === 'string'
      ? String(field(data, 'description')).slice(0, 200)
      : `HTTP ${status}`;
  const details = { provider: 'telegram', status, providerCode: code };
  if (code === 401 || code === 404)
    return new AuthError(
      'telegram-unauthorized',
      `Telegram refused the bot token (${code} ${description}). Copy it again from @BotFather.`,
      { details },
    );
  if (code === 403)
    return new AuthError(
      'telegram-forbidden',
      `Telegram will not let the bot write to this chat (${description}). Open the chat with the bot and press Start, or add it to the group.`,
      { details },
    );
  if (code === 429) {
    const wait = telegramRetryAfter(data);
    return new RateLimitError(
      'telegram-rate-limited',
      `Telegram asks to wait ${wait ?? '?'} s before the next message (429 ${description}).`,
      { details: { ...details, retryAfterS: wait ?? -1 } },
    );
  }
  if (code >= 500)
    return new ConnectionError('telegram-server-error', `Telegram answered ${code} (${description}).`, {
      details,
    });
  if (/chat not found/i.test(description))
    return new ValidationError(
      'telegram-chat-not-found',
      `Telegram does not know the chat id (${description}). Send the bot a message first, then check the id.`,
      { details },
    );
  return new ValidationError('telegram-refused', `Telegram refused the message (${code} ${description}).`, {
    details,
  });
}

async function post(context: SinkContext, alert: Alert, delivery: DeliveryContext): Promise<DeliveryReceipt> {
  const telegram = context.config().channels.telegram;
  const token = await context.secret('telegram');
  const url = `${telegram.apiBaseUrl.replace(/\/+$/, '')}/bot${token}/sendMessage`;
  const answer = await postWebhook({
    provider: 'Telegram',
    url,
    body: {
      json: {
        chat_id: telegram.chatId,
        text: plainText(alert, context.origin).slice(0, 4096),
        link_preview_options: { is_disabled: true },
      },
    },
    limits: context.config().delivery,
    context: delivery,
    refusal: telegramRefusal,
    retryAfterFromBody: telegramRetryAfter,
  });
  const data: unknown = await answer.response.json().catch(() => undefined);
  if (field(data, 'ok') !== true) throw telegramRefusal(answer.response.status, data);
  const messageId = field(field(data, 'result'), 'message_id');
  return {
    attempts: answer.attempts,
    ...(typeof messageId === 'number' ? { providerId: String(messageId) } : {}),
  };
}

/** The Telegram channel. */
export const telegramSink: SinkDefinition = {
  name: 'telegram',
  create: (context) => ({
    name: 'telegram',
    send: (alert, delivery) => post(context, alert, delivery),
    test: (delivery) => post(context, testAlert('telegram', context.clock.now()), delivery),
  }),
};
