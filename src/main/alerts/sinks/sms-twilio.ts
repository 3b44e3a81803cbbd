/**
 * SMS through Twilio's Messages API: `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` with
 * HTTP basic auth (Account SID : Auth Token) and the form fields To, From (or MessagingServiceSid)
 * and Body (https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource).
 * 201 answers the message's `sid`; errors carry Twilio's `code` (20003 authenticate, 21211 invalid
 * To, 21608 unverified trial number …) and `more_info`.
 */
import {
  AuthError,
  ConnectionError,
  RateLimitError,
  TradingError,
  ValidationError,
} from '../../../shared/errors.ts';
import type { Alert } from '../../../shared/ipc/channels/alerts.ts';
import { shortText, testAlert } from '../format.ts';
import { postWebhook } from '../http.ts';
import type { DeliveryContext, DeliveryReceipt } from '../sink.ts';
import type { SinkContext, SinkDefinition } from './sink-context.ts';

function field(data: unknown, name: string): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[name] : undefined;
}

/** Twilio's error body (`{code, message, more_info, status}`) in the trader's words. */
export function twilioRefusal(status: number, data: unknown): TradingError {
  const rawCode = field(data, 'code');
  const code = typeof rawCode === 'number' || typeof rawCode === 'string' ? rawCode : undefined;
  const message =
    typeof field(data, 'message') === 'string'
      ? String(field(data, 'message')).slice(0, 200)
      : `HTTP ${status}`;
  const moreInfo =
    typeof field(data, 'more_info') === 'string' ? ` See ${String(field(data, 'more_info'))}` : '';
  const details = { provider: 'twilio', status, providerCode: code ?? '' };
  if (status === 401 || code === 20003) {
    return new AuthError(
      'twilio-auth-failed',
      `Twilio refused the Account SID or Auth Token (${String(code ?? status)} ${message}). Copy both again from the Twilio Console.`,
      { details },
    );
  }
  if (status === 429 || code === 20429)
    return new RateLimitError(
      'twilio-rate-limited',
      `Twilio is rate-limiting this account (${String(code ?? 429)}).`,
      { details },
    );
  if (status >= 500)
    return new ConnectionError('twilio-server-error', `Twilio answered HTTP ${status} (${message}).`, {
      details,
    });
  return new ValidationError(
    `twilio-${String(code ?? status)}`,
    `Twilio refused the SMS (error ${String(code ?? status)}): ${message}.${moreInfo}`,
    { details },
  );
}

function form(context: SinkContext, alert: Alert): URLSearchParams {
  const sms = context.config().channels.sms;
  const body = new URLSearchParams({ To: sms.to, Body: shortText(alert, context.origin) });
  // A Messaging Service SID sends from the service's pool instead of one number.
  if (sms.from.startsWith('MG')) body.set('MessagingServiceSid', sms.from);
  else body.set('From', sms.from);
  return body;
}

async function post(context: SinkContext, alert: Alert, delivery: DeliveryContext): Promise<DeliveryReceipt> {
  const sms = context.config().channels.sms;
  const authToken = await context.secret('sms');
  const url = `${sms.apiBaseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(sms.accountSid)}/Messages.json`;
  const answer = await postWebhook({
    provider: 'Twilio',
    url,
    body: { form: form(context, alert) },
    headers: {
      Authorization: `Basic ${Buffer.from(`${sms.accountSid}:${authToken}`, 'utf8').toString('base64')}`,
      Accept: 'application/json',
    },
    limits: context.config().delivery,
    context: delivery,
    refusal: twilioRefusal,
  });
  const data: unknown = await answer.response.json().catch(() => undefined);
  const sid = field(data, 'sid');
  if (typeof sid !== 'string')
    throw new ValidationError(
      'twilio-unexpected-answer',
      `Twilio answered HTTP ${answer.response.status} without a message sid.`,
      { details: { provider: 'twilio' } },
    );
  return { attempts: answer.attempts, providerId: sid };
}

/** The SMS channel (Twilio). */
export const smsSink: SinkDefinition = {
  name: 'sms',
  create: (context) => ({
    name: 'sms',
    send: (alert, delivery) => post(context, alert, delivery),
    test: (delivery) => post(context, testAlert('sms', context.clock.now()), delivery),
  }),
};
