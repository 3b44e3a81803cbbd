import type {
  AnalysisSnapshot,
  SignalComponent,
  SignalDirection,
  TimeframeAnalysis,
} from '../../../../shared/ipc/channels/analysis.ts';

/** One timeframe of the strip, as shown: every text already formatted. */
export interface TimeframeView {
  readonly timeframe: string;
  readonly status: TimeframeAnalysis['status'];
  readonly direction: SignalDirection | undefined;
  /** `↑ +0.45`, `not enough history (needs 34 bars of 4h, has 12)`, `loading…` */
  readonly text: string;
  /** What hovering shows: one line per component, then the ATR. */
  readonly details: readonly string[];
}

/** The verdict, as shown. */
export interface VerdictView {
  readonly direction: SignalDirection;
  /** `−0.62` */
  readonly value: string;
  readonly confidence: string;
  readonly strongestTimeframe: string;
}

/** The strip, as shown. Two snapshots that look the same give equal views (and the same key). */
export interface StripView {
  readonly timeframes: readonly TimeframeView[];
  readonly verdict: VerdictView | undefined;
  readonly warnings: { readonly buy?: string | undefined; readonly sell?: string | undefined };
}

const arrows: Record<SignalDirection, string> = { up: '↑', down: '↓', flat: '→' };

/** `+0.45`, `−0.62` (a real minus sign), `0.00`: the same writing as main's messages. */
export function signedScore(value: number): string {
  const text = Math.abs(value).toFixed(2);
  if (text === '0.00') return text;
  return value > 0 ? `+${text}` : `\u2212${text}`;
}

/** An indicator value to six significant digits (prices, RSI points, MACD). */
export function indicatorValue(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function componentLine(component: SignalComponent): string {
  const values = Object.entries(component.values)
    .map(([name, value]) => `${name} ${indicatorValue(value)}`)
    .join(', ');
  return `${component.label}: ${signedScore(component.score)} × ${component.weight} (${values})`;
}

function timeframeView(entry: TimeframeAnalysis): TimeframeView {
  const base = { timeframe: entry.timeframe, status: entry.status };
  switch (entry.status) {
    case 'ready':
      return {
        ...base,
        direction: entry.direction,
        text: `${arrows[entry.direction]} ${signedScore(entry.signal)}`,
        details: [
          ...entry.components.map(componentLine),
          `ATR ${entry.atrPeriodBars}: ${indicatorValue(entry.atr)} · ${entry.bars} bars · weight ${entry.weight}`,
        ],
      };
    case 'short-history':
      return { ...base, direction: undefined, text: entry.message, details: [entry.message] };
    case 'unavailable':
      return { ...base, direction: undefined, text: 'no data', details: [entry.message] };
    case 'loading':
      return { ...base, direction: undefined, text: 'loading…', details: [] };
  }
}

/** The view of a snapshot. */
export function stripView(snapshot: AnalysisSnapshot): StripView {
  const verdict = snapshot.verdict;
  return {
    timeframes: snapshot.timeframes.map(timeframeView),
    verdict:
      verdict === null
        ? undefined
        : {
            direction: verdict.direction,
            value: signedScore(verdict.value),
            confidence: verdict.confidence.toFixed(2),
            strongestTimeframe: verdict.strongestTimeframe,
          },
    warnings: snapshot.entryWarnings,
  };
}

/** A string equal for equal views: the store changes (and React renders) only when it changes. */
export function viewKey(view: StripView): string {
  return JSON.stringify(view);
}
