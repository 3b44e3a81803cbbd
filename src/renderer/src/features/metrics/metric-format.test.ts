import { describe, expect, it } from 'vitest';
import { formatCount, formatMetricValue, formatWindow, unitOf } from './metric-format.ts';

describe('the unit of a series', () => {
  it('is read from the suffix of its name, as the registry names them', () => {
    expect(unitOf('order_submit_to_ack_ms')).toBe('ms');
    expect(unitOf('ws_messages_per_second')).toBe('per-second');
    expect(unitOf('position_unprotected_seconds')).toBe('seconds');
    expect(unitOf('position_unprotected_seconds_total')).toBe('seconds');
    expect(unitOf('rate_limit_headroom_ratio')).toBe('ratio');
    expect(unitOf('rest_weight_total')).toBe('count');
  });
});

describe('a metric value', () => {
  it('keeps the decimals a duration needs: two under 1 ms, one under 100 ms, none above', () => {
    expect(formatMetricValue(0.4234, 'ms')).toBe('0.42 ms');
    expect(formatMetricValue(38.64, 'ms')).toBe('38.6 ms');
    expect(formatMetricValue(412.6, 'ms')).toBe('413 ms');
    expect(formatMetricValue(12_034.2, 'ms')).toBe('12,034 ms');
    expect(formatMetricValue(0, 'ms')).toBe('0 ms');
  });

  it('writes rates, seconds, shares and counts with their unit', () => {
    expect(formatMetricValue(12.46, 'per-second')).toBe('12.5 /s');
    expect(formatMetricValue(3, 'seconds')).toBe('3 s');
    expect(formatMetricValue(0.25, 'seconds')).toBe('0.3 s');
    expect(formatMetricValue(0.8734, 'ratio')).toBe('87.3 %');
    expect(formatMetricValue(1, 'ratio')).toBe('100 %');
    expect(formatMetricValue(1_024, 'count')).toBe('1,024');
  });

  it('never prints a number it was not given', () => {
    expect(formatMetricValue(Number.NaN, 'ms')).toBe('—');
    expect(formatMetricValue(Number.POSITIVE_INFINITY, 'count')).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
  });

  it('counts samples as whole numbers', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1_532)).toBe('1,532');
  });
});

describe('the window', () => {
  it('reads in seconds under two minutes, minutes under an hour, then hours', () => {
    expect(formatWindow(45_000)).toBe('45 s');
    expect(formatWindow(60_000)).toBe('60 s');
    expect(formatWindow(300_000)).toBe('5 min');
    expect(formatWindow(90_000 * 2 + 30_000)).toBe('3.5 min');
    expect(formatWindow(3_600_000)).toBe('1 h');
  });
});
