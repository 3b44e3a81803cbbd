// The cap source: strictest (unproven) until the paper record is read, then the record's stage;
// a failed read keeps the strict cap and is tried again.
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../observability/logger.ts';
import { liveSizeCapSchema } from '../config/sections/trackrecord.ts';
import type { TrackRecord } from '../../shared/ipc/channels/trackrecord.ts';
import { createLiveSizeCap } from './live-cap.ts';

const config = liveSizeCapSchema.parse({
  enabled: true,
  unprovenMaxNotionalUsdt: 50,
  smallMaxNotionalUsdt: 500,
});
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLiveSizeCap', () => {
  it('caps as unproven until the paper record says small, then caps as small', async () => {
    let reads = 0;
    let answer: (record: TrackRecord) => void = () => undefined;
    const source = createLiveSizeCap(
      {
        record: () => {
          reads += 1;
          return new Promise<TrackRecord>((resolve) => {
            answer = resolve;
          });
        },
      },
      () => config,
      silentLogger,
    );
    // Read at once when built, before any entry asks.
    expect(reads).toBe(1);
    expect(source.current()).toEqual({ stage: 'unproven', maxNotionalUsdt: 50 });
    answer({ readiness: { stage: 'small' } } as TrackRecord);
    await flush();
    expect(source.current()).toEqual({ stage: 'small', maxNotionalUsdt: 500 });
    expect(reads).toBe(1);
  });

  it('a paper record that cannot be read keeps the strict cap, and is read again next time', async () => {
    let reads = 0;
    const source = createLiveSizeCap(
      {
        record: () => {
          reads += 1;
          return Promise.reject(new Error('offline'));
        },
      },
      () => config,
      silentLogger,
    );
    await flush();
    expect(source.current()).toEqual({ stage: 'unproven', maxNotionalUsdt: 50 });
    expect(reads).toBe(2);
  });

  it('answers no cap when the cap is off, without reading anything', () => {
    let reads = 0;
    const source = createLiveSizeCap(
      {
        record: () => {
          reads += 1;
          return Promise.reject(new Error('no'));
        },
      },
      () => liveSizeCapSchema.parse({}),
      silentLogger,
    );
    expect(source.current()).toBeUndefined();
    expect(reads).toBe(0);
  });
});
