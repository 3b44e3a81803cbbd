/**
 * The alert router: the one way to raise an alert in Bulwark. `raise()` records the alert (in
 * memory for the Alerts view, in the journal, to the renderer), picks its channels by the rules,
 * passes the de-duplication and rate-limit gate, and queues one delivery per channel. It returns at
 * once: no channel, however slow, is ever awaited by the code that raised the alert.
 */
import { ValidationError } from '../../shared/errors.ts';
import type { Alert, AlertChannelName, AlertInput } from '../../shared/ipc/channels/alerts.ts';
import type { AlertsConfig } from '../config/sections/alerts.ts';
import type { EventPublisher } from '../ipc/events.ts';
import type { Logger } from '../observability/logger.ts';
import type { Clock } from '../time/clock.ts';
import { journalAlert, journalDelivery, type AlertJournal } from './alert-journal.ts';
import { describeAlert } from './catalog.ts';
import {
  createChannelQueue,
  deliverOnce,
  recordBase,
  type ChannelQueue,
  type DeliveryRecord,
} from './delivery.ts';
import { testAlert } from './format.ts';
import { createEscalation, type Escalation } from './escalation.ts';
import { createAlertGate, type AlertGate, type GateDecision } from './gate.ts';
import { channelsFor } from './routing.ts';
import type { AlertSink } from './sink.ts';
import type { UndeliveredAlert } from './undelivered.ts';

/** What the router is built from. */
export interface AlertRouterDeps {
  /** The alerts section in force (settings changes apply to the next alert). */
  readonly config: () => AlertsConfig;
  readonly sinks: readonly AlertSink[];
  readonly journal: AlertJournal;
  readonly events: Pick<EventPublisher, 'publish'>;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The router's API. */
export interface AlertRouter {
  /** Raises an alert; returns the recorded alert at once. Never throws, never waits for a channel. */
  raise(input: AlertInput): Alert;
  /** The trader saw it: stops its escalation. Throws ValidationError for an unknown id. */
  acknowledge(id: number): Alert;
  /** Recent alerts, newest first. */
  recent(): Alert[];
  /** Every delivery outcome as it happens (metrics, health, the settings page). */
  onDelivery(listener: (record: DeliveryRecord) => void): () => void;
  /** Sends a test alert on one channel now (outside its queue), journals and returns the outcome. */
  test(channel: AlertChannelName): Promise<DeliveryRecord>;
  /**
   * Sends alerts journaled before a restart on the enabled channels that never dealt with them
   * (see undelivered.ts); returns how many deliveries it queued.
   */
  resume(pending: readonly UndeliveredAlert[]): number;
  /** Waits until every queue is idle (tests, orderly stop). */
  idle(): Promise<void>;
  /** Cancels escalations and rechecks, gives up deliveries in flight. */
  stop(): Promise<void>;
}

const logLevel = { critical: 'error', warning: 'warn', info: 'info' } as const;

interface RouterState {
  readonly deps: AlertRouterDeps;
  readonly recent: Alert[];
  readonly queues: ReadonlyMap<AlertChannelName, ChannelQueue>;
  readonly listeners: Set<(record: DeliveryRecord) => void>;
  readonly rechecks: Set<NodeJS.Timeout>;
  /** Journal entry of each recent alert (their deliveries' rows point to it). */
  readonly seqs: Map<number, number>;
  readonly gate: AlertGate;
  readonly escalation: Escalation;
  nextId: number;
}

function recordDelivery(state: RouterState, record: DeliveryRecord): void {
  try {
    journalDelivery(state.deps.journal, record);
  } catch (error) {
    state.deps.logger.error('alert-delivery-journal-failed', {
      alertId: record.alertId,
      channel: record.channel,
      error,
    });
  }
  const level = record.outcome === 'failed' ? 'warn' : 'info';
  state.deps.logger[level]('alert-delivery', {
    alertId: record.alertId,
    channel: record.channel,
    outcome: record.outcome,
    reason: record.reason,
    attempts: record.attempts,
    durationMs: Math.round(record.durationMs),
  });
  for (const listener of state.listeners) {
    try {
      listener(record);
    } catch (error) {
      state.deps.logger.warn('alert-delivery-listener-failed', { error });
    }
  }
}

function jobOf(
  state: RouterState,
  alert: Alert,
  escalation: boolean,
): { alert: Alert; escalation: boolean; alertSeq?: number } {
  const alertSeq = state.seqs.get(alert.id);
  return { alert, escalation, ...(alertSeq === undefined ? {} : { alertSeq }) };
}

function suppressed(
  state: RouterState,
  alert: Alert,
  decision: Extract<GateDecision, { action: 'suppress' }>,
): void {
  for (const channel of decision.channels) {
    recordDelivery(state, {
      ...recordBase(channel, jobOf(state, alert, false), false),
      outcome: decision.outcome,
      reason: decision.reason,
      attempts: 0,
      durationMs: 0,
      at: state.deps.clock.now(),
    });
  }
}

function enabledChannels(state: RouterState, alert: Alert): AlertChannelName[] {
  const config = state.deps.config();
  return channelsFor(alert, config.rules).filter(
    (name) => config.channels[name].enabled && state.queues.has(name),
  );
}

function dispatch(state: RouterState, alert: Alert, decision: GateDecision): void {
  if (alert.clears) state.escalation.clearKey(alert.key);
  if (decision.action === 'suppress') {
    suppressed(state, alert, decision);
    if (decision.recheckAt !== undefined) scheduleRecheck(state, alert.key, decision.recheckAt);
    return;
  }
  const channels = state.deps.config().channels;
  for (const channel of decision.channels) {
    // A "cleared" follow-up goes where its raise went, unless that channel was switched off since.
    if (channels[channel].enabled) state.queues.get(channel)?.enqueue(jobOf(state, alert, false));
  }
  if (!alert.clears) state.escalation.arm(alert);
}

function scheduleRecheck(state: RouterState, key: string, at: number): void {
  const timer = setTimeout(
    () => {
      state.rechecks.delete(timer);
      const again = state.gate.recheck(key, state.deps.clock.now());
      if (again !== undefined) dispatch(state, again.alert, again.decision);
    },
    Math.max(0, at - state.deps.clock.now()),
  );
  timer.unref();
  state.rechecks.add(timer);
}

function remember(state: RouterState, alert: Alert): void {
  state.recent.push(alert);
  const keep = state.deps.config().recentKept;
  if (state.recent.length <= keep) return;
  for (const gone of state.recent.splice(0, state.recent.length - keep)) state.seqs.delete(gone.id);
}

function announce(state: RouterState, input: AlertInput, alert: Alert): void {
  state.deps.logger[logLevel[alert.severity]]('alert-raised', {
    alertId: alert.id,
    code: alert.code,
    key: alert.key,
    symbol: alert.symbol,
    message: alert.message,
    ...alert.details,
  });
  if (input.journalSeq !== undefined) state.seqs.set(alert.id, input.journalSeq);
  else {
    try {
      state.seqs.set(alert.id, journalAlert(state.deps.journal, alert));
    } catch (error) {
      state.deps.logger.error('alert-journal-failed', { alertId: alert.id, error });
    }
  }
  state.deps.events.publish('alerts:alert-raised', alert, String(alert.id));
}

function escalationFor(
  deps: AlertRouterDeps,
  queues: ReadonlyMap<AlertChannelName, ChannelQueue>,
  seqs: ReadonlyMap<number, number>,
): Escalation {
  return createEscalation({
    afterMs: () => deps.config().escalateAfterMs,
    fire: (alert) => {
      const channel = deps.config().escalationChannel;
      if (!deps.config().channels[channel].enabled) {
        deps.logger.info('alert-escalation-skipped', {
          alertId: alert.id,
          channel,
          reason: 'channel not enabled',
        });
        return;
      }
      deps.logger.warn('alert-escalated', { alertId: alert.id, channel });
      const alertSeq = seqs.get(alert.id);
      queues.get(channel)?.enqueue({
        alert: { ...alert, title: `Not acknowledged: ${alert.title}` },
        escalation: true,
        ...(alertSeq === undefined ? {} : { alertSeq }),
      });
    },
  });
}

function acknowledge(state: RouterState, id: number): Alert {
  const { deps } = state;
  const index = state.recent.findIndex((alert) => alert.id === id);
  const found = state.recent[index];
  if (found === undefined)
    throw new ValidationError(
      'alert-unknown',
      `There is no recent alert #${id}; it may have scrolled out of the last ${deps.config().recentKept}.`,
      { details: { id } },
    );
  state.escalation.acknowledge(id);
  const acknowledged: Alert =
    found.acknowledgedAt === undefined ? { ...found, acknowledgedAt: deps.clock.now() } : found;
  state.recent[index] = acknowledged;
  deps.logger.info('alert-acknowledged', { alertId: id, code: found.code });
  deps.events.publish('alerts:alert-acknowledged', acknowledged, String(id));
  return acknowledged;
}

function resume(state: RouterState, pending: readonly UndeliveredAlert[]): number {
  let queued = 0;
  for (const { seq, input, handledChannels } of pending) {
    const raisedAt = new Date(input.at).toISOString();
    const alert = describeAlert(
      { ...input, message: `${input.message} (Raised at ${raisedAt}, before Bulwark restarted; sent late.)` },
      state.nextId,
    );
    const channels = enabledChannels(state, alert).filter((channel) => !handledChannels.has(channel));
    if (channels.length === 0) continue;
    state.nextId += 1;
    remember(state, alert);
    state.seqs.set(alert.id, seq);
    state.deps.logger.warn('alert-resumed', { alertId: alert.id, alertSeq: seq, code: alert.code, channels });
    state.deps.events.publish('alerts:alert-raised', alert, String(alert.id));
    for (const channel of channels) state.queues.get(channel)?.enqueue(jobOf(state, alert, false));
    queued += channels.length;
  }
  return queued;
}

function raise(state: RouterState, input: AlertInput): Alert {
  const alert = describeAlert(input, state.nextId);
  state.nextId += 1;
  remember(state, alert);
  announce(state, input, alert);
  const channels = enabledChannels(state, alert);
  if (channels.length === 0 && !alert.clears) return alert;
  dispatch(state, alert, state.gate.decide(alert, channels, state.deps.clock.now()));
  return alert;
}

async function testChannel(state: RouterState, channel: AlertChannelName): Promise<DeliveryRecord> {
  const { deps } = state;
  const sink = deps.sinks.find((candidate) => candidate.name === channel);
  if (sink === undefined)
    throw new ValidationError('channel-unknown', `Bulwark has no ${channel} channel.`, {
      details: { channel },
    });
  const alert: Alert = { ...testAlert(channel, deps.clock.now()), id: state.nextId };
  state.nextId += 1;
  const record = await deliverOnce(sink, { alert, escalation: false }, (context) => sink.test(context), {
    limits: () => deps.config().delivery,
    clock: deps.clock,
    logger: deps.logger,
    test: true,
  });
  recordDelivery(state, record);
  return record;
}

async function stopRouter(state: RouterState): Promise<void> {
  state.escalation.stop();
  for (const timer of state.rechecks) clearTimeout(timer);
  state.rechecks.clear();
  // An alert raised just before quitting (often the reason for quitting) gets a moment to go out.
  let drain: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all([...state.queues.values()].map((queue) => queue.idle())),
    new Promise((resolve) => {
      drain = setTimeout(resolve, state.deps.config().delivery.stopDrainMs);
    }),
  ]);
  clearTimeout(drain);
  await Promise.all([...state.queues.values()].map((queue) => queue.stop()));
}

/** Builds the router over its sinks; each sink gets its own queue. */
export function createAlertRouter(deps: AlertRouterDeps): AlertRouter {
  const queues = new Map<AlertChannelName, ChannelQueue>();
  const seqs = new Map<number, number>();
  const state: RouterState = {
    deps,
    recent: [],
    queues,
    listeners: new Set(),
    rechecks: new Set(),
    seqs,
    nextId: 0,
    gate: createAlertGate(() => deps.config()),
    escalation: escalationFor(deps, queues, seqs),
  };
  for (const sink of deps.sinks) {
    queues.set(
      sink.name,
      createChannelQueue(sink, {
        limits: () => deps.config().delivery,
        clock: deps.clock,
        logger: deps.logger,
        record: (record) => {
          recordDelivery(state, record);
        },
      }),
    );
  }
  return {
    raise: (input) => raise(state, input),
    acknowledge: (id) => acknowledge(state, id),
    recent: () => [...state.recent].reverse(),
    onDelivery(listener) {
      state.listeners.add(listener);
      return () => state.listeners.delete(listener);
    },
    test: (channel) => testChannel(state, channel),
    resume: (pending) => resume(state, pending),
    idle: async () => {
      await Promise.all([...queues.values()].map((queue) => queue.idle()));
    },
    stop: () => stopRouter(state),
  };
}
