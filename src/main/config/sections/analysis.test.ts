import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../observability/logger.ts';
import { configSchema } from '../schema.ts';
import { createConfigStore } from '../store.ts';

describe('analysis config section', () => {
  it('defaults: 5m/15m/1h/4h weighted towards the higher timeframes, the risk rule off', () => {
    const { analysis } = configSchema.parse({});
    expect(analysis.timeframes).toEqual(['5m', '15m', '1h', '4h']);
    const weights = analysis.timeframes.map((timeframe) => analysis.timeframeWeights[timeframe]);
    expect(weights).toEqual([...weights].sort((a, b) => a - b));
    expect(new Set(weights).size).toBe(4);
    expect(analysis.entry.refuseAgainstVerdict).toBe(false);
    expect(analysis.verdict.alertSeverity).toBe('info');
  });

  it('a timeframe the trader adds keeps a default weight; a weight they set wins', () => {
    const { analysis } = configSchema.parse({
      analysis: { timeframes: ['1m', '1d'], timeframeWeights: { '1m': 9 } },
    });
    expect(analysis.timeframeWeights['1m']).toBe(9);
    expect(analysis.timeframeWeights['1d']).toBeGreaterThan(analysis.timeframeWeights['4h']);
  });

  it('a hand-edited file with a contradiction is reported by field and the rest is kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-analysis-config-'));
    const filePath = join(dir, 'settings.json');
    writeFileSync(
      filePath,
      JSON.stringify({
        analysis: {
          indicators: { emaFastPeriodBars: 30, emaSlowPeriodBars: 20 },
          timeframes: ['5m', '5m'],
          entry: { refuseAgainstVerdict: true },
        },
      }),
    );
    const { config, problems } = createConfigStore({ filePath, logger: silentLogger }).load();
    expect(problems.map((problem) => problem.details.field).sort()).toEqual([
      'analysis.indicators',
      'analysis.timeframes',
    ]);
    expect(problems.map((problem) => problem.message).join(' ')).toMatch(
      /emaFastPeriodBars must be shorter than emaSlowPeriodBars/,
    );
    expect(config.analysis.indicators.emaSlowPeriodBars).toBe(21);
    expect(config.analysis.timeframes).toEqual(['5m', '15m', '1h', '4h']);
    expect(config.analysis.entry.refuseAgainstVerdict).toBe(true);
  });
});
