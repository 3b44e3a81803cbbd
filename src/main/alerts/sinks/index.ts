/**
 * Every alert channel, one line each. A new channel is its sink file in this folder, a line here
 * and its settings block in src/shared/ipc/channels/alerts.ts.
 */
import { desktopSink } from './desktop.ts';
import { emailSink } from './email.ts';
import type { SinkDefinition } from './sink-context.ts';
import { slackSink } from './slack.ts';
import { smsSink } from './sms-twilio.ts';
import { telegramSink } from './telegram.ts';

export type { SinkContext, SinkDefinition } from './sink-context.ts';

/** The channels the router delivers to. */
export const sinkDefinitions: readonly SinkDefinition[] = [
  desktopSink,
  emailSink,
  smsSink,
  slackSink,
  telegramSink,
];
