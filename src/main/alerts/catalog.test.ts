import { describe, expect, it } from 'vitest';
import { describeAlert } from './catalog.ts';
import { channelsFor } from './routing.ts';
import { defaultAlertRules } from '../config/sections/alerts.ts';

describe('alert catalog and rules', () => {
  it('fills kind, key and title from the code; the two levels of one liquidation share a key', () => {
    const warning = describeAlert(
      {
        severity: 'warning',
        code: 'liquidation-warning',
        message: 'm',
        symbol: 'XBTUSDTM',
        details: {},
        at: 1,
      },
      1,
    );
    const critical = describeAlert(
      {
        severity: 'critical',
        code: 'liquidation-critical',
        message: 'm',
        symbol: 'XBTUSDTM',
        details: {},
        at: 2,
      },
      2,
    );
    expect(warning).toMatchObject({
      kind: 'liquidation',
      key: 'liquidation:XBTUSDTM',
      title: 'Close to liquidation',
      clears: false,
    });
    expect(critical.key).toBe(warning.key);
  });

  it('breakers of the two hosts are two conditions; the reachable code clears its own', () => {
    const open = describeAlert(
      {
        severity: 'critical',
        code: 'exchange-unreachable',
        message: 'm',
        details: { host: 'general' },
        at: 1,
      },
      1,
    );
    const closed = describeAlert(
      { severity: 'info', code: 'exchange-reachable', message: 'm', details: { host: 'general' }, at: 2 },
      2,
    );
    expect(open.key).toBe('breaker:general');
    expect(closed).toMatchObject({ key: 'breaker:general', clears: true });
  });

  it('an unknown code still routes, and the raiser’s own key and title win', () => {
    const alert = describeAlert(
      {
        severity: 'warning',
        code: 'something-new',
        message: 'm',
        details: { n: Number.NaN },
        at: 1.7,
        key: 'k',
        title: 'T',
      },
      5,
    );
    expect(alert).toMatchObject({
      id: 5,
      kind: 'something-new',
      key: 'k',
      title: 'T',
      at: 1,
      details: { n: 'NaN' },
    });
  });

  it('default rules: critical everywhere, warning on desktop and chats, info in the app only', () => {
    expect(channelsFor({ severity: 'critical', kind: 'stop-failure' }, defaultAlertRules)).toEqual([
      'desktop',
      'email',
      'sms',
      'slack',
      'telegram',
    ]);
    expect(channelsFor({ severity: 'warning', kind: 'clock' }, defaultAlertRules)).toEqual([
      'desktop',
      'slack',
      'telegram',
    ]);
    expect(channelsFor({ severity: 'info', kind: 'fill' }, defaultAlertRules)).toEqual([]);
  });

  it('a rule for a kind comes before the severity rule', () => {
    const rules = [
      { severity: 'info' as const, kinds: ['fill'], channels: ['telegram' as const] },
      ...defaultAlertRules,
    ];
    expect(channelsFor({ severity: 'info', kind: 'fill' }, rules)).toEqual(['telegram']);
    expect(channelsFor({ severity: 'info', kind: 'clock' }, rules)).toEqual([]);
  });
});
