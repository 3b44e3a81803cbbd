import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from './journal.ts';
import type { JournalOrder } from './order-rows.ts';

const order: JournalOrder = {
  clientOid: 'bw-e-1',
  symbol: 'XBTUSDTM',
  side: 'buy',
  type: 'limit',
  purpose: 'entry',
  sizeLots: 3,
  filledLots: 0,
  price: '90000',
  leverage: 5,
  reduceOnly: false,
  status: 'NEW',
  requestJson: '{"clientOid":"bw-e-1"}',
  createdAt: 1,
  updatedAt: 1,
};

describe('journal', () => {
  it('round-trips orders and keeps absent fields absent', () => {
    const journal = openJournal({ filePath: ':memory:', now: () => 5 });
    journal.insertOrder(order);
    expect(journal.getOrder('bw-e-1')).toEqual(order);
    journal.updateOrder({
      ...order,
      status: 'ACKED',
      exchangeOrderId: 'x1',
      updatedAt: 2,
      confirmLatencyMs: 3.5,
    });
    expect(journal.getOrder('bw-e-1')).toMatchObject({
      status: 'ACKED',
      exchangeOrderId: 'x1',
      confirmLatencyMs: 3.5,
    });
    expect(journal.openOrders()).toHaveLength(1);
    journal.updateOrder({ ...order, status: 'FILLED', filledLots: 3, updatedAt: 3 });
    expect(journal.openOrders()).toHaveLength(0);
    expect(() => {
      journal.insertOrder(order);
    }).toThrow();
  });

  it('records each fill once', () => {
    const journal = openJournal({ filePath: ':memory:', now: () => 5 });
    const fill = {
      tradeId: 't1',
      exchangeOrderId: 'x1',
      symbol: 'XBTUSDTM',
      side: 'buy' as const,
      sizeLots: 1,
      price: '90000',
      fee: '0.054',
      liquidity: 'taker' as const,
      tradeType: 'trade' as const,
      at: 9,
    };
    expect(journal.recordFill(fill)).toBe(true);
    expect(journal.recordFill(fill)).toBe(false);
    expect(journal.fillsForOrder('x1')).toEqual([{ ...fill, clientOid: undefined }]);
  });

  it('appends and filters events newest first', () => {
    const journal = openJournal({ filePath: ':memory:', now: () => 7 });
    journal.append('alert', { n: 1 }, { symbol: 'XBTUSDTM' });
    journal.append('state-change', { n: 2 });
    journal.append('alert', { n: 3 }, { symbol: 'ETHUSDTM', clientOid: 'c' });
    expect(journal.queryEvents({ kind: 'alert', limit: 10 }).map((e) => e.data.n)).toEqual([3, 1]);
    expect(journal.queryEvents({ symbol: 'XBTUSDTM', limit: 10 })).toEqual([
      { seq: 1, at: 7, kind: 'alert', symbol: 'XBTUSDTM', data: { n: 1 } },
    ]);
  });

  it('rolls back a failed transaction entirely', () => {
    const journal = openJournal({ filePath: ':memory:', now: () => 7 });
    expect(() => {
      journal.transaction(() => {
        journal.insertOrder(order);
        journal.insertOrder(order);
      });
    }).toThrow();
    expect(journal.getOrder(order.clientOid)).toBeUndefined();
  });

  it('keeps every committed write when the process is killed with SIGKILL', () => {
    const dir = mkdtempSync(join(process.env.BULWARK_TEST_RUN_DIR ?? tmpdir(), 'journal-'));
    const file = join(dir, 'journal.db');
    const script = `
      import { openJournal } from ${JSON.stringify(join(import.meta.dirname, 'journal.ts'))};
      const j = openJournal({ filePath: ${JSON.stringify(file)}, now: () => 1 });
      for (let i = 0; i < 50; i++) j.append('alert', { i });
      process.kill(process.pid, 'SIGKILL');`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.signal).toBe('SIGKILL');
    const journal = openJournal({ filePath: file, now: () => 1 });
    expect(journal.queryEvents({ kind: 'alert', limit: 100 })).toHaveLength(50);
    journal.close();
  });
});
