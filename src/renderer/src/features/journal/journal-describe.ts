import type { JournalEntry } from './journal-query.ts';

type Data = JournalEntry['data'];

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

function joined(parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join(' · ');
}

function describeOrder(data: Data): string {
  const request = (data.request ?? {}) as Record<string, unknown>;
  if (data.status === 'NEW') {
    const price = text(request.price) === '' ? 'market' : `@ ${text(request.price)}`;
    return joined([
      'NEW',
      `${text(request.side)} ${text(request.size)} lots ${price}`,
      text(request.reduceOnly) === 'true' ? 'reduce-only' : '',
    ]);
  }
  return joined([text(data.status), `filled ${text(data.filledLots)} lots`, text(data.reason)]);
}

function describeFill(data: Data): string {
  return joined([
    `${text(data.side)} ${text(data.sizeLots)} lots @ ${text(data.price)}`,
    `fee ${text(data.fee)}`,
    text(data.liquidity),
    text(data.tradeType) === 'trade' ? '' : text(data.tradeType),
  ]);
}

function describeStop(data: Data): string {
  if (data.action === 'badge')
    return `protection ${text(data.status)} · ${text(data.stopLots)}/${text(data.positionLots)} lots covered`;
  if (data.action === 'take-profit-set')
    return `take-profit ${text(data.from) || 'none'} → ${text(data.to) || 'none'} (${text(data.why)})`;
  return joined([
    `${text(data.action)} stop ${text(data.sizeLots)} lots @ ${text(data.stopPrice)}`,
    text(data.status),
    text(data.reason),
  ]);
}

function describeTrailing(data: Data): string {
  if (data.action === 'moved')
    return `moved ${text(data.from)} → ${text(data.to)} (mark ${text(data.mark)}, gap ${text(data.gapMs)} ms)`;
  if (data.action === 'set') return `set ${text(data.spec)}`;
  return text(data.action);
}

function describeRisk(data: Data): string {
  if (data.verdict === 'deny')
    return joined(['deny', text(data.ruleId), text(data.message), text(data.error)]);
  return joined([text(data.verdict), data.purpose === undefined ? '' : text(data.purpose)]);
}

const describers: Partial<Record<string, (data: Data) => string>> = {
  order: describeOrder,
  fill: describeFill,
  stop: describeStop,
  trailing: describeTrailing,
  'risk-decision': describeRisk,
  alert: (data) => joined([text(data.severity), text(data.code), text(data.message)]),
  'state-change': (data) => joined([`${text(data.previous)} → ${text(data.state)}`, text(data.reason)]),
  'position-event': (data) =>
    joined([
      text(data.event),
      text(data.cause),
      `${text(data.closedLots)} lots`,
      `PnL ${text(data.realisedPnl)}`,
    ]),
  'setting-change': (data) =>
    joined([
      text(data.path),
      `${JSON.stringify(data.oldValue)} → ${JSON.stringify(data.newValue)}`,
      data.applies === 'restart' ? 'after a restart' : 'applied',
    ]),
  amend: (data) =>
    joined([
      `amend ${text(data.step)}`,
      `${text(data.oldPrice)} → ${text(data.price)}`,
      `${text(data.sizeLots)} lots`,
      text(data.newClientOid),
      text(data.reason),
    ]),
};

const maxSummary = 200;

/**
 * One line a trader can read for a journal entry. Known kinds get their words; anything else
 * (or a shape this build does not know) shows its data as JSON, cut at 200 characters.
 */
export function describeJournalEntry(entry: JournalEntry): string {
  const describe = describers[entry.kind];
  const summary = describe === undefined ? JSON.stringify(entry.data) : describe(entry.data);
  return summary.length > maxSummary ? `${summary.slice(0, maxSummary - 1)}…` : summary;
}
