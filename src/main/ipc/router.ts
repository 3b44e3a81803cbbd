import type { z } from 'zod';
import { ValidationError, serializeError } from '../../shared/errors.ts';
import { channels, isChannelName } from '../../shared/ipc/contract.ts';
import type { ChannelName, Channels, ResponseOf } from '../../shared/ipc/contract.ts';
import { fail, ok } from '../../shared/result.ts';
import type { Result } from '../../shared/result.ts';
import type { Logger } from '../observability/logger.ts';
import { isTrustedSender } from './sender.ts';
import type { IpcSender } from './sender.ts';

/** The service function behind one channel; it receives the parsed request. */
export type ChannelHandler<C extends ChannelName> = (
  request: z.output<Channels[C]['request']>,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** Handlers for some channels; the engine passes a complete map. */
export type ChannelHandlers = { [C in ChannelName]?: ChannelHandler<C> };

/** What the router needs: the handlers, the origins allowed to call and a logger. */
export interface IpcRouterOptions {
  readonly handlers: ChannelHandlers;
  /** Origins (`app://bulwark`, a dev server, the e2e page) whose main frame may call. */
  readonly trustedOrigins: readonly string[];
  readonly logger: Logger;
}

/** Main's single entry point for renderer calls. Never throws: every answer is a Result. */
export interface IpcRouter {
  handle(channel: unknown, payload: unknown, sender: IpcSender): Promise<Result<unknown>>;
}

function refuse(logger: Logger, reason: string, details: Record<string, unknown>): Result<never> {
  logger.warn('ipc-refused', { reason, ...details });
  return fail(new ValidationError(reason, messageFor(reason), { details }).toJSON());
}

function messageFor(reason: string): string {
  switch (reason) {
    case 'unknown-channel':
      return 'The app asked main for something it does not offer; nothing was done.';
    case 'foreign-sender':
      return 'A call came from outside the app window; nothing was done.';
    default:
      return 'The request was not valid; nothing was done.';
  }
}

/**
 * Checks the sender (app origin, main frame), parses the payload with the channel's schema,
 * calls the service and answers `{ok: true, value}` or `{ok: false, error}`. An unknown channel,
 * a foreign sender or an invalid payload gets a ValidationError, is logged and executes nothing.
 */
export function createIpcRouter(options: IpcRouterOptions): IpcRouter {
  const { handlers, trustedOrigins, logger } = options;
  return {
    async handle(channel, payload, sender) {
      if (!isChannelName(channel)) return refuse(logger, 'unknown-channel', { channel: String(channel) });
      if (!isTrustedSender(sender, trustedOrigins)) {
        return refuse(logger, 'foreign-sender', {
          channel,
          senderUrl: sender.url,
          isMainFrame: sender.isMainFrame,
        });
      }
      return dispatch(channel, payload, handlers, logger);
    },
  };
}

async function dispatch(
  channel: ChannelName,
  payload: unknown,
  handlers: ChannelHandlers,
  logger: Logger,
): Promise<Result<unknown>> {
  const spec = channels[channel];
  const parsed = spec.request.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    return refuse(logger, 'invalid-payload', { channel, issues });
  }
  const handler = handlers[channel] as ((request: unknown) => Promise<unknown>) | undefined;
  if (handler === undefined) return refuse(logger, 'unknown-channel', { channel, served: false });
  try {
    const value = await handler(parsed.data);
    // Parsing the answer keeps main honest to the contract and strips any field the contract
    // does not name — nothing unlisted (a secret, an internal handle) can cross by accident.
    return ok(spec.response.parse(value));
  } catch (error) {
    const wire = serializeError(error);
    logger.warn('ipc-call-failed', { channel, code: wire.code, error });
    return fail(wire);
  }
}
