/**
 * An SMTP server inside the test (the `smtp-server` package) that receives Bulwark's alert mail:
 * STARTTLS with the test certificate (or TLS from the first byte), AUTH PLAIN/LOGIN with one user,
 * and each message kept with its envelope, decoded headers and plain-text body.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { testTls } from './http-peer.ts';

/** One received message. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly headers: ReadonlyMap<string, string>;
  readonly text: string;
  /** Whether the session was encrypted when the message arrived. */
  readonly secure: boolean;
  readonly user: string | undefined;
}

/** The running peer. */
export interface SmtpPeer {
  readonly port: number;
  readonly mails: ReceivedMail[];
  /** Login attempts, accepted or not. */
  readonly logins: { username: string; accepted: boolean }[];
  /** Answers the next `count` DATA commands with this temporary (4xx) or permanent (5xx) reply. */
  failNext(count: number, responseCode: number, message: string): void;
  stop(): Promise<void>;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) in a header value. */
function decodeWords(value: string): string {
  return value.replace(/\s*=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

/** Splits a raw message into unfolded, decoded headers and the decoded text body. */
export function parseMail(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const body = raw.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body, 'base64').toString('utf8')
        : body;
  return { headers, text: text.replace(/\r\n/g, '\n').trimEnd() };
}

/** Starts the SMTP peer on 127.0.0.1. */
export async function startSmtpPeer(options: {
  user: string;
  password: string;
  secure?: boolean;
}): Promise<SmtpPeer> {
  const mails: ReceivedMail[] = [];
  const logins: SmtpPeer['logins'] = [];
  const failures = { count: 0, responseCode: 0, message: '' };
  const server = new SMTPServer({
    secure: options.secure === true,
    key: testTls.key,
    cert: testTls.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      const accepted = auth.username === options.user && auth.password === options.password;
      logins.push({ username: auth.username ?? '', accepted });
      if (accepted) callback(null, { user: auth.username });
      else
        callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures.count > 0) {
          failures.count -= 1;
          callback(Object.assign(new Error(failures.message), { responseCode: failures.responseCode }));
          return;
        }
        const { headers, text } = parseMail(Buffer.concat(chunks).toString('utf8'));
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        mails.push({
          from,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          headers,
          text,
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    mails,
    logins,
    failNext(count, responseCode, message) {
      Object.assign(failures, { count, responseCode, message });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
