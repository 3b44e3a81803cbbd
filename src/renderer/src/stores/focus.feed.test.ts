import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFakeBulwark,
  installFakeBulwark,
  removeFakeBulwark,
} from '../bridge/fake-bulwark.test-helper.ts';
import { positionOf } from '../test/fixtures.test-helper.ts';
import { startNotificationFocusFeed } from './focus.feed.ts';
import { useSettingsStore } from './settings.store.ts';
import { createTradingStore } from './trading.store.ts';
import { useUiStore } from './ui.store.ts';

const position = positionOf({
  symbol: 'ETHUSDTM',
  side: 'short',
  sizeLots: 3,
  avgEntryPrice: '3000',
  markPrice: '3100',
  liquidationPrice: '3300',
  unrealisedPnl: '-3',
  distanceToLiquidationPct: 6.4,
  protection: { status: 'PROTECTED', stopLots: 3, stopPrice: '3200' },
});

beforeEach(() => {
  useSettingsStore.setState({ symbol: 'XBTUSDTM' });
  useUiStore.setState({ activeView: 'journal', dockTab: 'fills' });
});
afterEach(() => {
  removeFakeBulwark();
});

describe('a click on a desktop notification', () => {
  it("opens the terminal on the alert's position: its symbol on the chart, the dock on Positions", () => {
    const fake = createFakeBulwark({});
    installFakeBulwark(fake);
    const trading = createTradingStore();
    trading.setState({ positions: { ETHUSDTM: position } });
    const stop = startNotificationFocusFeed(trading);
    fake.emit('alerts:focus-requested', { alertId: 7, symbol: 'ETHUSDTM', at: 1 });
    expect(useSettingsStore.getState().symbol).toBe('ETHUSDTM');
    expect(useUiStore.getState()).toMatchObject({ activeView: 'trade', dockTab: 'positions' });
    stop();
    expect(fake.listenerCount('alerts:focus-requested')).toBe(0);
  });

  it('opens the Alerts tab for an alert without a position (a stream or a channel down)', () => {
    const fake = createFakeBulwark({});
    installFakeBulwark(fake);
    const stop = startNotificationFocusFeed(createTradingStore());
    fake.emit('alerts:focus-requested', { alertId: 8, at: 1 });
    expect(useSettingsStore.getState().symbol).toBe('XBTUSDTM');
    expect(useUiStore.getState()).toMatchObject({ activeView: 'trade', dockTab: 'alerts' });
    stop();
  });
});
