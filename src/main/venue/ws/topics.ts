import { candleTypes } from '../core/index.ts';

/** How a topic family takes its argument after `:` (docs/reference/kucoin-futures.md#ws-public-topics, #ws-private-topics). */
type ArgumentRule = 'symbols' | 'symbols-optional' | 'none' | 'candle';

interface TopicRule {
  readonly access: 'public' | 'private';
  readonly argument: ArgumentRule;
}

/** The topics the venue publishes: KuCoin's names (SPEC-WSPUB / SPEC-WSPRIV). */
const topicRules: Readonly<Record<string, TopicRule>> = {
  '/contractMarket/tickerV2': { access: 'public', argument: 'symbols' },
  '/contractMarket/ticker': { access: 'public', argument: 'symbols' },
  '/contractMarket/level2': { access: 'public', argument: 'symbols' },
  '/contractMarket/level2Depth5': { access: 'public', argument: 'symbols' },
  '/contractMarket/level2Depth50': { access: 'public', argument: 'symbols' },
  '/contractMarket/execution': { access: 'public', argument: 'symbols' },
  '/contractMarket/limitCandle': { access: 'public', argument: 'candle' },
  '/contract/instrument': { access: 'public', argument: 'symbols' },
  '/contract/announcement': { access: 'public', argument: 'symbols-optional' },
  '/contractMarket/snapshot': { access: 'public', argument: 'symbols' },
  '/contractMarket/tradeOrders': { access: 'private', argument: 'symbols-optional' },
  '/contractMarket/advancedOrders': { access: 'private', argument: 'none' },
  '/contract/position': { access: 'private', argument: 'symbols' },
  '/contract/positionAll': { access: 'private', argument: 'none' },
  '/contractAccount/wallet': { access: 'private', argument: 'none' },
  '/contract/marginMode': { access: 'private', argument: 'none' },
  '/contract/crossLeverage': { access: 'private', argument: 'none' },
};

/** A subscribe request's topic, expanded into the single topics messages are sent on. */
export interface ParsedTopic {
  readonly access: 'public' | 'private';
  /** One entry per symbol: `/contractMarket/tickerV2:XBTUSDTM`, … */
  readonly topics: readonly string[];
}

/** Why a topic string was refused, with KuCoin's WS error code (docs/reference/kucoin-futures.md#ws-limits). */
export interface TopicProblem {
  readonly code: number;
  readonly data: string;
}

function isCandleArgument(arg: string): boolean {
  const cut = arg.lastIndexOf('_');
  return cut > 0 && Object.hasOwn(candleTypes, arg.slice(cut + 1));
}

function expand(prefix: string, rule: TopicRule, arg: string | undefined): string[] | TopicProblem {
  if (arg === undefined) {
    return rule.argument === 'none' || rule.argument === 'symbols-optional'
      ? [prefix]
      : { code: 400, data: `topic ${prefix} requires a symbol` };
  }
  if (rule.argument === 'none') return { code: 404, data: `topic ${prefix}:${arg} does not exist` };
  const args = arg.split(',').map((a) => a.trim());
  if (args.some((a) => a === '')) return { code: 400, data: `topic ${prefix}:${arg} is invalid` };
  if (rule.argument === 'candle' && !args.every(isCandleArgument))
    return { code: 400, data: `topic ${prefix}:${arg} is invalid` };
  return args.map((a) => `${prefix}:${a}`);
}

/** Parses `/prefix[:a,b,c]` into single topics, or says why KuCoin would refuse it. */
export function parseTopic(topic: unknown): ParsedTopic | TopicProblem {
  if (typeof topic !== 'string' || topic.trim() === '') return { code: 406, data: 'topic required' };
  const colon = topic.indexOf(':');
  const prefix = colon < 0 ? topic : topic.slice(0, colon);
  const rule = topicRules[prefix];
  if (rule === undefined) return { code: 404, data: `topic ${topic} is not found` };
  const topics = expand(prefix, rule, colon < 0 ? undefined : topic.slice(colon + 1));
  return Array.isArray(topics) ? { access: rule.access, topics } : topics;
}

/** Type guard for the failure branch of {@link parseTopic}. */
export function isTopicProblem(value: ParsedTopic | TopicProblem): value is TopicProblem {
  return 'code' in value;
}

/**
 * The topics an event is delivered on: its own, plus the all-symbol private topic that also
 * carries it (docs/reference/kucoin-futures.md#ws-private-topics: `/contractMarket/tradeOrders`, `/contract/positionAll`, and the bare
 * `/contract/announcement`), with the subject
 * KuCoin uses there (legacy docs: `orderChange` on the all-symbol order topic).
 */
export function deliveryTopics(topic: string, subject: string): { topic: string; subject: string }[] {
  const own = { topic, subject };
  if (topic.startsWith('/contractMarket/tradeOrders:'))
    return [own, { topic: '/contractMarket/tradeOrders', subject: 'orderChange' }];
  if (topic.startsWith('/contract/position:')) return [own, { topic: '/contract/positionAll', subject }];
  // Subscribing without a symbol gets every symbol's announcements (KuCoin's example topic has none).
  if (topic.startsWith('/contract/announcement:')) return [own, { topic: '/contract/announcement', subject }];
  return [own];
}

/**
 * Where a topic's envelope `sn` comes from, by topic family. KuCoin's push schemas list `sn` as
 * required on these topics and its examples set it from the data: `sn` = `data.sequence` on the
 * incremental `/contractMarket/level2`, on `tickerV2`, `ticker` and `execution`, while the
 * level2Depth5/50 snapshots carry `sn` = `data.timestamp` (their example: `"sn":1731680019100` =
 * `"timestamp"`), so a client must not gap-check depth snapshots by sn.
 */
const snSources: Readonly<Record<string, 'sequence' | 'timestamp'>> = {
  '/contractMarket/level2': 'sequence',
  '/contractMarket/tickerV2': 'sequence',
  '/contractMarket/ticker': 'sequence',
  '/contractMarket/execution': 'sequence',
  '/contractMarket/level2Depth5': 'timestamp',
  '/contractMarket/level2Depth50': 'timestamp',
};

/** Topic families whose envelope carries a message `id` (KuCoin's push schemas list it as required). */
const idTopics: ReadonlySet<string> = new Set([
  '/contractAccount/wallet',
  '/contractMarket/advancedOrders',
  '/contractMarket/snapshot',
]);

function familyOf(topic: string): string {
  const colon = topic.indexOf(':');
  return colon < 0 ? topic : topic.slice(0, colon);
}

/** The envelope's `sn` for a message, or undefined when KuCoin sends none. */
export function messageSn(topic: string, data: unknown): number | undefined {
  const field = snSources[familyOf(topic)];
  if (field === undefined || typeof data !== 'object' || data === null) return undefined;
  const value: unknown = (data as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : undefined;
}

/** Whether KuCoin's envelope for this topic carries a message `id`. */
export function carriesMessageId(topic: string): boolean {
  return idTopics.has(familyOf(topic));
}
