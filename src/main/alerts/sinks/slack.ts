/**
 * Slack: an incoming webhook (https://api.slack.com/messaging/webhooks). A JSON body with `text`
 * (and blocks for layout); Slack answers HTTP 200 with the plain-text body `ok`, and a 4xx with a
 * one-word reason (`invalid_token`, `channel_not_found`, `channel_is_archived`, `invalid_payload` …).
 * The webhook URL is the secret: it lives in the keychain and is never logged or shown.
 */
import {
  AuthError,
  ConnectionError,
  RateLimitError,
  TradingError,
  ValidationError,
} from '../../../shared/errors.ts';
import type { Alert } from '../../../shared/ipc/channels/alerts.ts';
import { headline, plainText, testAlert, type AlertOrigin } from '../format.ts';
import { postWebhook } from '../http.ts';
import type { DeliveryContext, DeliveryReceipt } from '../sink.ts';
import type { SinkContext, SinkDefinition } from './sink-context.ts';

/** Slack's mrkdwn treats these three as control characters. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The message Slack receives: a fallback `text` (notifications) and blocks (the channel). */
export function slackMessage(alert: Alert, origin: AlertOrigin): { text: string; blocks: unknown[] } {
  const title = headline(alert, origin);
  return {
    text: escapeSlack(title),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: escapeSlack(plainText(alert, origin).split('\n').slice(2).join('\n')).slice(0, 3000),
        },
      },
    ],
  };
}

/** Slack's error words, in the trader's. */
export function slackRefusal(status: number, data: unknown): TradingError {
  const word = (typeof data === 'string' ? data : '').trim().slice(0, 80);
  const details = { provider: 'slack', status, providerCode: word };
  if (
    word === 'invalid_token' ||
    word === 'no_service' ||
    word === 'no_team' ||
    word === 'action_prohibited'
  ) {
    return new AuthError(
      'slack-webhook-refused',
      `Slack refused the webhook URL (${word}, HTTP ${status}): it was revoked or mistyped. Create a new one in Slack → Apps → Incoming Webhooks and paste it here.`,
      { details },
    );
  }
  if (word === 'channel_not_found' || word === 'channel_is_archived') {
    return new ValidationError(
      'slack-channel-gone',
      `Slack cannot post to the webhook's channel (${word}, HTTP ${status}): add the webhook to a channel that exists.`,
      { details },
    );
  }
  if (status === 429)
    return new RateLimitError('slack-rate-limited', `Slack is rate-limiting this webhook (HTTP 429).`, {
      details,
    });
  if (status >= 500)
    return new ConnectionError(
      'slack-server-error',
      `Slack answered HTTP ${status}${word === '' ? '' : ` (${word})`}.`,
      { details },
    );
  return new ValidationError(
    'slack-refused',
    `Slack refused the message (HTTP ${status}${word === '' ? '' : `, ${word}`}).`,
    { details },
  );
}

async function post(context: SinkContext, alert: Alert, delivery: DeliveryContext): Promise<DeliveryReceipt> {
  const url = await context.secret('slack');
  const answer = await postWebhook({
    provider: 'Slack',
    url,
    body: { json: slackMessage(alert, context.origin) },
    limits: context.config().delivery,
    context: delivery,
    refusal: slackRefusal,
  });
  const text = (await answer.response.text()).trim();
  if (text !== 'ok')
    throw new ValidationError(
      'slack-unexpected-answer',
      `Slack answered HTTP ${answer.response.status} without "ok" (${text.slice(0, 80)}).`,
      { details: { provider: 'slack' } },
    );
  return { attempts: answer.attempts };
}

/** The Slack channel. */
export const slackSink: SinkDefinition = {
  name: 'slack',
  create: (context) => ({
    name: 'slack',
    send: (alert, delivery) => post(context, alert, delivery),
    test: (delivery) => post(context, testAlert('slack', context.clock.now()), delivery),
  }),
};
