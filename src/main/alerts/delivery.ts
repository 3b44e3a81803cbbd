/**
 * Delivery on one channel: a queue per channel with one delivery in flight, each bounded by the
 * whole-delivery time limit. A hung or failing channel therefore holds up only its own queue —
 * never trading, never another channel — and every delivery ends in a record (sent, or failed with
 * the exact reason) that the router journals.
 */
import { TimeoutError, TradingError } from '../../shared/errors.ts';
import type { Alert, AlertChannelName, DeliveryOutcome } from '../../shared/ipc/channels/alerts.ts';
import type { AlertsConfig } from '../config/sections/alerts.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import type { AlertSink, DeliveryContext, DeliveryReceipt } from './sink.ts';

/** How one delivery (or suppression) on one channel ended: one journal row. */
export interface DeliveryRecord {
  readonly alertId: number;
  readonly key: string;
  readonly code: string;
  readonly severity: Alert['severity'];
  readonly symbol?: string;
  readonly channel: AlertChannelName;
  readonly outcome: DeliveryOutcome;
  /** Why it failed or was suppressed, in words (never a secret). */
  readonly reason?: string;
  /** The error's code when it failed (e.g. `telegram-unauthorized`, `channel-tls-failed`). */
  readonly errorCode?: string;
  readonly attempts: number;
  /** From the start of the first try to the outcome; 0 for suppressions. */
  readonly durationMs: number;
  /** A re-send of an unacknowledged critical alert. */
  readonly escalation: boolean;
  /** A "send test alert" from Settings. */
  readonly test: boolean;
  readonly providerId?: string;
  /** The journal entry of the alert this delivery belongs to. */
  readonly alertSeq?: number;
  /** When the alert was raised: `at − raisedAt` is raised-to-delivered, queue wait included. */
  readonly raisedAt: number;
  readonly at: number;
}

/** One thing to deliver. */
export interface DeliveryJob {
  readonly alert: Alert;
  readonly escalation: boolean;
  /** The alert's journal entry, copied into each delivery's row. */
  readonly alertSeq?: number;
}

/** The fields every record of a job shares. */
export function recordBase(
  channel: AlertChannelName,
  job: DeliveryJob,
  test: boolean,
): Pick<
  DeliveryRecord,
  | 'alertId'
  | 'key'
  | 'code'
  | 'severity'
  | 'symbol'
  | 'channel'
  | 'escalation'
  | 'test'
  | 'alertSeq'
  | 'raisedAt'
> {
  const { alert } = job;
  return {
    alertId: alert.id,
    key: alert.key,
    code: alert.code,
    severity: alert.severity,
    channel,
    escalation: job.escalation,
    test,
    raisedAt: alert.at,
    ...(alert.symbol === undefined ? {} : { symbol: alert.symbol }),
    ...(job.alertSeq === undefined ? {} : { alertSeq: job.alertSeq }),
  };
}

/** What every delivery needs. */
export interface DeliveryDeps {
  readonly limits: () => AlertsConfig['delivery'];
  readonly clock: Clock;
  readonly logger: Logger;
}

function abortedWith(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = (): void => {
      reject(
        signal.reason instanceof Error
          ? signal.reason
          : new TimeoutError('channel-gave-up', 'The delivery was given up.'),
      );
    };
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

function failureOf(error: unknown): { reason: string; errorCode: string } {
  if (error instanceof TradingError) return { reason: error.message, errorCode: error.code };
  return {
    reason: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    errorCode: 'internal-error',
  };
}

/** Aborts `controller` once the channel's whole time budget (retries included) is spent. */
function giveUpAfter(controller: AbortController, channel: string, totalTimeoutMs: number): NodeJS.Timeout {
  return setTimeout(() => {
    controller.abort(
      new TimeoutError(
        'channel-gave-up',
        `${channel} did not accept the alert within ${Math.round(totalTimeoutMs / 1000)} s (retries included); it was given up.`,
      ),
    );
  }, totalTimeoutMs);
}

/** The sink's answer, or the context's abort reason as soon as its signal fires. */
async function raceAgainstSignal(
  run: (context: DeliveryContext) => Promise<DeliveryReceipt>,
  context: DeliveryContext,
): Promise<DeliveryReceipt> {
  const sending = Promise.resolve().then(() => run(context));
  // A sink that ignores its signal may still settle later: that late answer must not go unhandled.
  sending.catch(() => undefined);
  return Promise.race([sending, abortedWith(context.signal)]);
}

function sentRecord(
  base: ReturnType<typeof recordBase>,
  receipt: DeliveryReceipt,
  startedAt: number,
  clock: Clock,
): DeliveryRecord {
  const { providerId } = receipt;
  return {
    ...base,
    outcome: 'sent',
    attempts: receipt.attempts,
    durationMs: performance.now() - startedAt,
    at: clock.now(),
    ...(providerId === undefined ? {} : { providerId }),
  };
}

/**
 * Runs one send or test on a sink within the time limit, even if the sink ignores its signal.
 * Never rejects: the outcome is in the record.
 */
export async function deliverOnce(
  sink: AlertSink,
  job: DeliveryJob,
  run: (context: DeliveryContext) => Promise<DeliveryReceipt>,
  deps: DeliveryDeps & { readonly stopSignal?: AbortSignal; readonly test?: boolean },
): Promise<DeliveryRecord> {
  const { totalTimeoutMs } = deps.limits();
  const controller = new AbortController();
  const timer = giveUpAfter(controller, sink.name, totalTimeoutMs);
  const onStop = (): void => {
    controller.abort(new TimeoutError('channel-stopped', 'Bulwark stopped before the alert was delivered.'));
  };
  deps.stopSignal?.addEventListener('abort', onStop, { once: true });
  let attempts = 1;
  const context: DeliveryContext = {
    signal: controller.signal,
    onRetry: (attempt, reason) => {
      attempts = attempt;
      deps.logger.info('alert-delivery-retry', {
        channel: sink.name,
        alertId: job.alert.id,
        attempt,
        reason,
      });
    },
  };
  const startedAt = performance.now();
  const base = recordBase(sink.name, job, deps.test === true);
  try {
    const receipt = await raceAgainstSignal(run, context);
    return sentRecord(base, receipt, startedAt, deps.clock);
  } catch (error) {
    return {
      ...base,
      outcome: 'failed',
      ...failureOf(error),
      attempts,
      durationMs: performance.now() - startedAt,
      at: deps.clock.now(),
    };
  } finally {
    clearTimeout(timer);
    deps.stopSignal?.removeEventListener('abort', onStop);
  }
}

/** One channel's queue. */
export interface ChannelQueue {
  /** Queues a delivery; returns at once (never waits for the channel). */
  enqueue(job: DeliveryJob): void;
  /** Deliveries waiting (not counting the one in flight). */
  waiting(): number;
  /** Resolves once the queue is empty and idle (for tests and orderly stops). */
  idle(): Promise<void>;
  /** Gives up the delivery in flight and fails the waiting ones. */
  stop(): Promise<void>;
}

/** A job failed without a try (queue full, or Bulwark stopping). */
function notSentRecord(
  channel: AlertChannelName,
  job: DeliveryJob,
  failure: { reason: string; errorCode: string },
  clock: Clock,
): DeliveryRecord {
  return {
    ...recordBase(channel, job, false),
    outcome: 'failed',
    ...failure,
    attempts: 0,
    durationMs: 0,
    at: clock.now(),
  };
}

/** Fails the oldest waiting jobs until no more than `limit` wait. */
function dropOverflow(
  waiting: DeliveryJob[],
  limit: number,
  channel: AlertChannelName,
  fail: (job: DeliveryJob, reason: string, errorCode: string) => void,
): void {
  while (waiting.length > limit) {
    const dropped = waiting.shift();
    if (dropped !== undefined)
      fail(
        dropped,
        `Dropped: more than ${limit} alerts were waiting behind a slow ${channel} channel.`,
        'channel-queue-full',
      );
  }
}

/** Builds the queue of one sink; `record` receives every outcome. */
export function createChannelQueue(
  sink: AlertSink,
  deps: DeliveryDeps & { readonly record: (record: DeliveryRecord) => void },
): ChannelQueue {
  const waiting: DeliveryJob[] = [];
  const stopper = new AbortController();
  let running: Promise<void> | undefined;
  const fail = (job: DeliveryJob, reason: string, errorCode: string): void => {
    deps.record(notSentRecord(sink.name, job, { reason, errorCode }, deps.clock));
  };
  const pump = async (): Promise<void> => {
    for (let job = waiting.shift(); job !== undefined; job = waiting.shift()) {
      const current = job;
      deps.record(
        await deliverOnce(sink, current, (context) => sink.send(current.alert, context), {
          ...deps,
          stopSignal: stopper.signal,
        }),
      );
    }
    running = undefined;
  };
  return {
    enqueue(job) {
      if (stopper.signal.aborted) {
        fail(job, 'Bulwark is stopping; the alert was not sent.', 'channel-stopped');
        return;
      }
      waiting.push(job);
      dropOverflow(waiting, deps.limits().queueLimit, sink.name, fail);
      running ??= pump();
    },
    waiting: () => waiting.length,
    idle: async () => {
      while (running !== undefined) await running;
    },
    async stop() {
      stopper.abort();
      for (let job = waiting.shift(); job !== undefined; job = waiting.shift())
        fail(job, 'Bulwark stopped before the alert was sent.', 'channel-stopped');
      await running;
    },
  };
}
