/**
 * E-mail over SMTP with nodemailer: STARTTLS (port 587, `requireTLS`: no silent downgrade to plain
 * text), TLS from the first byte (465), or plain SMTP only to a relay on this computer. The
 * password lives in the keychain. Connection drops, time-outs and 4xx replies are retried with
 * back-off; a refused login, a refused recipient (5xx) or a TLS failure is not, and is reported as is.
 */
import nodemailer, { type Mail, type SMTPSentMessageInfo, type SMTPTransportOptions } from 'nodemailer';
import {
  AuthError,
  ConnectionError,
  TimeoutError,
  TradingError,
  ValidationError,
} from '../../../shared/errors.ts';
import type { Alert } from '../../../shared/ipc/channels/alerts.ts';
import type { AlertsConfig } from '../../config/sections/alerts.ts';
import { abortableSleep } from '../../resilience/abortable-sleep.ts';
import { headline, plainText, testAlert } from '../format.ts';
import { transportFailure } from '../http.ts';
import type { DeliveryContext, DeliveryReceipt } from '../sink.ts';
import type { SinkContext, SinkDefinition } from './sink-context.ts';

type EmailSettings = AlertsConfig['channels']['email'];
type SmtpTransport = Mail<SMTPSentMessageInfo, SMTPTransportOptions>;

interface SmtpFailure {
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
}

function smtpFailure(error: unknown): SmtpFailure {
  if (typeof error !== 'object' || error === null) return {};
  const { code, responseCode, response } = error as Record<string, unknown>;
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof responseCode === 'number' ? { responseCode } : {}),
    ...(typeof response === 'string' ? { response: response.slice(0, 200) } : {}),
  };
}

/** A nodemailer error in the trader's words, naming the server and what it said. */
export function emailFailure(server: string, error: unknown, attemptTimeoutMs: number): TradingError {
  const failure = smtpFailure(error);
  const said = failure.response === undefined ? '' : ` The server said: ${failure.response}`;
  const details = {
    provider: 'smtp',
    server,
    ...(failure.code === undefined ? {} : { providerCode: failure.code }),
    ...(failure.responseCode === undefined ? {} : { responseCode: failure.responseCode }),
  };
  if (failure.code === 'EAUTH' || failure.code === 'ENOAUTH') {
    return new AuthError(
      'smtp-auth-failed',
      `${server} refused the user name or password (${failure.responseCode ?? failure.code}). For Gmail or Outlook use an app password.${said}`,
      { details },
    );
  }
  if (failure.code === 'EENVELOPE' || (failure.responseCode !== undefined && failure.responseCode >= 500)) {
    return new ValidationError(
      'smtp-refused',
      `${server} refused the message (${failure.responseCode ?? failure.code ?? 'refused'}): check the sender and recipient addresses.${said}`,
      { details },
    );
  }
  if (failure.code === 'ETIMEDOUT')
    return new TimeoutError(
      'channel-timeout',
      `${server} did not answer within ${attemptTimeoutMs / 1000} s.`,
      { details },
    );
  if (failure.code === 'EDNS')
    return new ConnectionError(
      'channel-unreachable',
      `The SMTP server ${server} was not found (DNS): check its name.`,
      { details },
    );
  const transport = transportFailure(server, error, attemptTimeoutMs);
  if (transport.code !== 'channel-unreachable' || failure.code === undefined) return transport;
  return new ConnectionError(
    'channel-unreachable',
    `Could not talk to ${server} (${failure.code}${failure.responseCode === undefined ? '' : ` ${failure.responseCode}`}).${said}`,
    { details },
  );
}

/** Whether another try may work: a dropped connection, a time-out, a temporary (4xx) reply. */
function isTransient(error: TradingError, raw: unknown): boolean {
  const { responseCode } = smtpFailure(raw);
  if (error.code === 'channel-tls-failed' || error instanceof AuthError || error instanceof ValidationError)
    return false;
  if (responseCode !== undefined) return responseCode >= 400 && responseCode < 500;
  return error instanceof TimeoutError || error instanceof ConnectionError;
}

function transportFor(
  email: EmailSettings,
  password: string | undefined,
  limits: AlertsConfig['delivery'],
  ca: string | undefined,
): SmtpTransport {
  return nodemailer.createTransport({
    host: email.host,
    port: email.port,
    secure: email.security === 'tls',
    requireTLS: email.security === 'starttls',
    ignoreTLS: email.security === 'none',
    ...(password === undefined ? {} : { auth: { user: email.username, pass: password } }),
    connectionTimeout: limits.attemptTimeoutMs,
    greetingTimeout: limits.attemptTimeoutMs,
    socketTimeout: limits.attemptTimeoutMs,
    tls: { minVersion: 'TLSv1.2', ...(ca === undefined ? {} : { ca }) },
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
}

async function sendOnce(
  transport: SmtpTransport,
  email: EmailSettings,
  alert: Alert,
  origin: SinkContext['origin'],
  signal: AbortSignal,
): Promise<string> {
  const onAbort = (): void => {
    transport.close(); // nodemailer has no signal: closing the socket ends the try
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const info = await transport.sendMail({
      from: email.from,
      to: email.to,
      subject: headline(alert, origin),
      text: plainText(alert, origin),
      priority: alert.severity === 'critical' ? 'high' : 'normal',
      headers: {
        'X-Bulwark-Alert-Id': String(alert.id),
        'X-Bulwark-Alert-Key': alert.key,
        'X-Bulwark-Severity': alert.severity,
      },
    });
    return typeof info.messageId === 'string' ? info.messageId : '';
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

async function deliver(
  context: SinkContext,
  alert: Alert,
  delivery: DeliveryContext,
): Promise<DeliveryReceipt> {
  const email = context.config().channels.email;
  const limits = context.config().delivery;
  const server = `${email.host}:${email.port}`;
  const password = email.username === '' ? undefined : await context.secret('email');
  const transport = transportFor(email, password, limits, context.smtpTrustedCaPem);
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const messageId = await sendOnce(transport, email, alert, context.origin, delivery.signal);
        return { attempts: attempt, ...(messageId === '' ? {} : { providerId: messageId }) };
      } catch (raw) {
        if (delivery.signal.aborted && delivery.signal.reason instanceof TradingError)
          throw delivery.signal.reason;
        const error = emailFailure(server, raw, limits.attemptTimeoutMs);
        if (attempt >= limits.attempts || !isTransient(error, raw)) throw error;
        delivery.onRetry(attempt + 1, error.message);
        await abortableSleep(
          Math.min(limits.backoffMaxMs, limits.backoffInitialMs * 2 ** (attempt - 1)),
          delivery.signal,
        );
      }
    }
  } finally {
    transport.close();
  }
}

/** The e-mail channel. */
export const emailSink: SinkDefinition = {
  name: 'email',
  create: (context) => ({
    name: 'email',
    send: (alert, delivery) => deliver(context, alert, delivery),
    test: (delivery) => deliver(context, testAlert('email', context.clock.now()), delivery),
  }),
};
