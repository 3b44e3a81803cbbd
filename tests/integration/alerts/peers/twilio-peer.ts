/**
 * Twilio's Messages API as documented (https://www.twilio.com/docs/messaging/api/message-resource):
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, HTTP basic auth AccountSid:AuthToken,
 * form fields To, From (or MessagingServiceSid) and Body. 201 with the message resource; errors as
 * `{code, message, more_info, status}` (20003 Authenticate, 21211 invalid To, 21602 no Body, 21603 no From).
 */
import { randomBytes } from 'node:crypto';
import { json, startHttpPeer, type HttpPeer, type PeerAnswer, type PeerRequest } from './http-peer.ts';

/** One SMS the peer accepted. */
export interface TwilioMessage {
  readonly sid: string;
  readonly to: string;
  readonly from: string;
  readonly body: string;
}

/** The running peer and what it accepted. */
export interface TwilioPeer extends HttpPeer {
  readonly messages: TwilioMessage[];
}

const e164 = /^\+[1-9]\d{6,14}$/;

/** A Twilio error body. */
export function twilioError(status: number, code: number, message: string): PeerAnswer {
  return json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function answer(
  request: PeerRequest,
  accountSid: string,
  authToken: string,
  messages: TwilioMessage[],
): PeerAnswer {
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  if (request.method !== 'POST' || request.path !== path)
    return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
  const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  if (request.headers.authorization !== expected) return twilioError(401, 20003, 'Authenticate');
  if (!(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
    return twilioError(400, 20001, 'Content-Type must be application/x-www-form-urlencoded');
  const form = new URLSearchParams(request.body);
  const to = form.get('To') ?? '';
  const from = form.get('From') ?? form.get('MessagingServiceSid') ?? '';
  const body = form.get('Body') ?? '';
  if (!e164.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  if (from === '') return twilioError(400, 21603, "A 'From' phone number is required.");
  if (body === '') return twilioError(400, 21602, 'Message body is required.');
  const sid = `SM${randomBytes(16).toString('hex')}`;
  messages.push({ sid, to, from, body });
  return json(201, {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body,
    date_created: new Date().toUTCString(),
    date_sent: null,
    date_updated: new Date().toUTCString(),
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: String(Math.ceil(body.length / 153)),
    price: null,
    price_unit: null,
    sid,
    status: 'queued',
    to,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  });
}

/** Starts a Twilio peer that accepts this account's credentials only. */
export async function startTwilioPeer(accountSid: string, authToken: string): Promise<TwilioPeer> {
  const messages: TwilioMessage[] = [];
  const peer = await startHttpPeer((request) => answer(request, accountSid, authToken, messages));
  return Object.assign(peer, { messages });
}
