import { channelMethodName } from '../../../shared/ipc/define.ts';
import { ConnectionError, deserializeError } from '../../../shared/errors.ts';
import type { Result } from '../../../shared/result.ts';
import type { BulwarkApi } from './api.ts';
import type { KnownChannelName, RequestOf, ResponseOf } from './channels.ts';

/** A channel function as the bridge sees it before types are attached. */
type ChannelFunction = (request: unknown) => Promise<Result<unknown>>;

/** Arguments of {@link call}: the request may be left out when the channel takes none. */
export type CallArgs<C extends KnownChannelName> =
  undefined extends RequestOf<C> ? [request?: RequestOf<C>] : [request: RequestOf<C>];

/**
 * The object preload exposed. Throws a ConnectionError when it is missing, which only happens
 * when the page was opened outside the app (no preload, no e2e harness).
 */
export function bulwarkApi(): BulwarkApi {
  const api = window.bulwark;
  if (api === undefined) {
    throw new ConnectionError(
      'bridge-missing',
      'The engine bridge is not available: open Bulwark from the app.',
    );
  }
  return api;
}

function channelFunction(channel: KnownChannelName): ChannelFunction {
  const { domain, method } = channelMethodName(channel);
  // The typed API cannot be indexed by a runtime string; look the function up as unknown and check it.
  const domainApi: unknown = (bulwarkApi() as unknown as Record<string, unknown>)[domain];
  const fn: unknown =
    typeof domainApi === 'object' && domainApi !== null
      ? (domainApi as Record<string, unknown>)[method]
      : undefined;
  if (typeof fn !== 'function') {
    throw new ConnectionError(
      'bridge-channel-missing',
      `The engine does not offer ${channel} in this build.`,
      {
        details: { channel },
      },
    );
  }
  return fn as ChannelFunction;
}

/**
 * Calls a contract channel and unwraps its Result: resolves with the value, or rejects with the
 * error rebuilt into its own class (RiskRejectedError, AuthError, …) so callers can `instanceof`.
 * @throws TradingError (or subclass) sent by main; ConnectionError when the bridge is missing.
 */
export async function call<C extends KnownChannelName>(
  channel: C,
  ...args: CallArgs<C>
): Promise<ResponseOf<C>> {
  const fn = channelFunction(channel);
  let result: Result<unknown>;
  try {
    result = await fn(args[0]);
  } catch (error) {
    // The transport itself failed (IPC torn down, harness binding gone): not an answer from main.
    throw new ConnectionError('bridge-call-failed', `The engine did not answer ${channel}.`, {
      details: { channel, reason: error instanceof Error ? error.message : String(error) },
      cause: error,
    });
  }
  if (!result.ok) throw deserializeError(result.error);
  return result.value as ResponseOf<C>;
}
