/**
 * The durable trading journal on `node:sqlite` (ADR 0302). WAL with `synchronous=FULL`: every
 * committed write survives a kill -9 or power loss, so an order is on disk (clientOid first)
 * before it is sent, and a restart finds every order, fill, stop and trailing state it needs.
 */
import { DatabaseSync, type SQLInputValue, type SQLOutputValue } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../../shared/errors.ts';
import { migrations } from './migrations.ts';
import { rowToJournalOrder, type JournalOrder, orderParams } from './order-rows.ts';

/** A kind of journal event (see the IPC `journalKindSchema`). */
export type JournalKind =
  | 'order'
  | 'fill'
  | 'stop'
  | 'trailing'
  | 'risk-decision'
  | 'alert'
  | 'alert-delivery'
  | 'state-change'
  | 'reconciliation'
  | 'position-event'
  | 'setting-change'
  | 'amend';

/** One appended event. */
export interface JournalEvent {
  readonly seq: number;
  readonly at: number;
  readonly kind: JournalKind;
  readonly symbol?: string;
  readonly clientOid?: string;
  readonly data: Record<string, unknown>;
}

/** A fill as journaled. */
export interface JournalFill {
  readonly tradeId: string;
  readonly exchangeOrderId: string;
  readonly clientOid?: string | undefined;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly sizeLots: number;
  readonly price: string;
  readonly fee: string;
  readonly liquidity: 'maker' | 'taker';
  readonly tradeType: 'trade' | 'liquid' | 'adl' | 'settlement';
  readonly at: number;
}

/** Filters for {@link Journal.queryEvents}. */
export interface JournalQuery {
  readonly kind?: JournalKind | undefined;
  readonly symbol?: string | undefined;
  readonly clientOid?: string | undefined;
  readonly sinceMs?: number | undefined;
  readonly limit: number;
}

/** The journal's API. Every method writes synchronously and durably before returning. */
export interface Journal {
  /** Inserts a new order (state NEW). @throws ConfigError-free: a duplicate clientOid throws the sqlite error. */
  insertOrder(order: JournalOrder): void;
  /** Updates an order's mutable fields. */
  updateOrder(order: JournalOrder): void;
  getOrder(clientOid: string): JournalOrder | undefined;
  /** The order the exchange knows by `exchangeOrderId`, if it is ours. */
  getOrderByExchangeId(exchangeOrderId: string): JournalOrder | undefined;
  /** Orders not in a terminal state. */
  openOrders(): JournalOrder[];
  recentOrders(limit: number, symbol?: string): JournalOrder[];
  /** Records a fill; returns false when the trade id was already journaled (idempotent). */
  recordFill(fill: JournalFill): boolean;
  fillsForOrder(exchangeOrderId: string): JournalFill[];
  saveTrailing(symbol: string, state: unknown, at: number): void;
  deleteTrailing(symbol: string): void;
  loadTrailing(): { symbol: string; state: unknown }[];
  append(
    kind: JournalKind,
    data: Record<string, unknown>,
    refs?: { symbol?: string | undefined; clientOid?: string | undefined; at?: number },
  ): number;
  queryEvents(query: JournalQuery): JournalEvent[];
  setSetting(key: string, value: unknown): void;
  getSetting(key: string): unknown;
  /** Runs `fn` in one transaction (all or nothing). */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** Options: the database file (`:memory:` for tests) and the clock for event times. */
export interface JournalOptions {
  readonly filePath: string;
  readonly now: () => number;
}

function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  const version = row?.user_version ?? 0;
  if (version > migrations.length) {
    throw new ConfigError(
      'journal-too-new',
      `the journal was written by a newer Bulwark (schema ${version} > ${migrations.length})`,
      { details: { version } },
    );
  }
  for (let next = version; next < migrations.length; next += 1) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[next] ?? '');
      db.exec(`PRAGMA user_version = ${next + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Opens (creating if needed) the journal and applies migrations. */
export function openJournal(options: JournalOptions): Journal {
  if (options.filePath !== ':memory:') mkdirSync(dirname(options.filePath), { recursive: true });
  const db = new DatabaseSync(options.filePath);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);
  return buildJournal(db, options.now);
}

function buildJournal(db: DatabaseSync, now: () => number): Journal {
  const orders = orderStatements(db);
  const events = eventStatements(db, now);
  return {
    ...orders,
    ...events,
    ...trailingStatements(db),
    ...settingStatements(db),
    transaction: (fn) => inTransaction(db, fn),
    close: () => {
      db.close();
    },
  };
}

function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  if (db.isTransaction) return fn();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

const orderColumns =
  'client_oid, exchange_order_id, symbol, side, type, purpose, size_lots, filled_lots, price, stop_price, avg_fill_price, leverage, reduce_only, status, reason, linked_stop_client_oid, parent_client_oid, request_json, created_at, updated_at, confirm_latency_ms, stop_attachment';

function orderStatements(
  db: DatabaseSync,
): Pick<
  Journal,
  | 'insertOrder'
  | 'updateOrder'
  | 'getOrder'
  | 'getOrderByExchangeId'
  | 'openOrders'
  | 'recentOrders'
  | 'recordFill'
  | 'fillsForOrder'
> {
  const insert = db.prepare(
    `INSERT INTO orders (${orderColumns}) VALUES (${orderColumns
      .split(', ')
      .map((c) => '$' + c)
      .join(', ')})`,
  );
  const update = db.prepare(
    `UPDATE orders SET exchange_order_id=$exchange_order_id, filled_lots=$filled_lots, stop_price=$stop_price, avg_fill_price=$avg_fill_price, status=$status, reason=$reason, linked_stop_client_oid=$linked_stop_client_oid, size_lots=$size_lots, updated_at=$updated_at, confirm_latency_ms=$confirm_latency_ms WHERE client_oid=$client_oid`,
  );
  const byOid = db.prepare(`SELECT ${orderColumns} FROM orders WHERE client_oid = ?`);
  const byExchangeId = db.prepare(`SELECT ${orderColumns} FROM orders WHERE exchange_order_id = ?`);
  const open = db.prepare(
    `SELECT ${orderColumns} FROM orders WHERE status NOT IN ('FILLED','CANCELLED','REJECTED') ORDER BY created_at`,
  );
  const recent = db.prepare(
    `SELECT ${orderColumns} FROM orders WHERE ($symbol IS NULL OR symbol = $symbol) ORDER BY updated_at DESC LIMIT $limit`,
  );
  return {
    insertOrder: (order) => void insert.run(orderParams(order)),
    updateOrder: (order) => {
      update.run(updatableParams(order));
    },
    getOrder: (clientOid) => {
      const row = byOid.get(clientOid);
      return row === undefined ? undefined : rowToJournalOrder(row);
    },
    getOrderByExchangeId: (id) => {
      const row = byExchangeId.get(id);
      return row === undefined ? undefined : rowToJournalOrder(row);
    },
    openOrders: () => open.all().map(rowToJournalOrder),
    recentOrders: (limit, symbol) =>
      recent.all({ $symbol: symbol ?? null, $limit: limit }).map(rowToJournalOrder),
    ...fillStatements(db),
  };
}

/** An order's parameters without the columns fixed at insert (what it is, not how it went). */
function updatableParams(order: JournalOrder): Record<string, string | number | null> {
  const {
    $request_json: _r,
    $symbol: _s,
    $side: _d,
    $type: _t,
    $purpose: _p,
    $price: _pr,
    $leverage: _l,
    $reduce_only: _ro,
    $parent_client_oid: _pc,
    $created_at: _c,
    $stop_attachment: _sa,
    ...rest
  } = orderParams(order);
  return rest;
}

function rowToJournalFill(r: Record<string, SQLOutputValue>): JournalFill {
  return {
    tradeId: String(r.trade_id),
    exchangeOrderId: String(r.exchange_order_id),
    clientOid: r.client_oid === null ? undefined : String(r.client_oid),
    symbol: String(r.symbol),
    side: r.side === 'sell' ? 'sell' : 'buy',
    sizeLots: Number(r.size_lots),
    price: String(r.price),
    fee: String(r.fee),
    liquidity: r.liquidity === 'maker' ? 'maker' : 'taker',
    tradeType: String(r.trade_type) as JournalFill['tradeType'],
    at: Number(r.at),
  };
}

/** Fills, each recorded once by its trade id (a replayed fill changes nothing). */
function fillStatements(db: DatabaseSync): Pick<Journal, 'recordFill' | 'fillsForOrder'> {
  const fillInsert = db.prepare(
    'INSERT OR IGNORE INTO fills (trade_id, exchange_order_id, client_oid, symbol, side, size_lots, price, fee, liquidity, trade_type, at) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
  );
  const fillsOf = db.prepare('SELECT * FROM fills WHERE exchange_order_id = ? ORDER BY at');
  return {
    recordFill: (f) =>
      fillInsert.run(
        f.tradeId,
        f.exchangeOrderId,
        f.clientOid ?? null,
        f.symbol,
        f.side,
        f.sizeLots,
        f.price,
        f.fee,
        f.liquidity,
        f.tradeType,
        f.at,
      ).changes > 0,
    fillsForOrder: (id) => fillsOf.all(id).map(rowToJournalFill),
  };
}

function eventStatements(db: DatabaseSync, now: () => number): Pick<Journal, 'append' | 'queryEvents'> {
  const insert = db.prepare(
    'INSERT INTO events (at, kind, symbol, client_oid, data_json) VALUES (?,?,?,?,?)',
  );
  const query = db.prepare(
    `SELECT seq, at, kind, symbol, client_oid, data_json FROM events
     WHERE ($kind IS NULL OR kind = $kind) AND ($symbol IS NULL OR symbol = $symbol)
       AND ($oid IS NULL OR client_oid = $oid) AND ($since IS NULL OR at >= $since)
     ORDER BY seq DESC LIMIT $limit`,
  );
  return {
    append: (kind, data, refs = {}) =>
      Number(
        insert.run(refs.at ?? now(), kind, refs.symbol ?? null, refs.clientOid ?? null, JSON.stringify(data))
          .lastInsertRowid,
      ),
    queryEvents: (q) => {
      const params: Record<string, SQLInputValue> = {
        $kind: q.kind ?? null,
        $symbol: q.symbol ?? null,
        $oid: q.clientOid ?? null,
        $since: q.sinceMs ?? null,
        $limit: q.limit,
      };
      return query.all(params).map((r) => ({
        seq: Number(r.seq),
        at: Number(r.at),
        kind: String(r.kind) as JournalKind,
        ...(r.symbol === null ? {} : { symbol: String(r.symbol) }),
        ...(r.client_oid === null ? {} : { clientOid: String(r.client_oid) }),
        data: JSON.parse(String(r.data_json)) as Record<string, unknown>,
      }));
    },
  };
}

function trailingStatements(
  db: DatabaseSync,
): Pick<Journal, 'saveTrailing' | 'deleteTrailing' | 'loadTrailing'> {
  const save = db.prepare(
    'INSERT INTO trailing (symbol, state_json, updated_at) VALUES (?,?,?) ON CONFLICT(symbol) DO UPDATE SET state_json=excluded.state_json, updated_at=excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM trailing WHERE symbol = ?');
  const load = db.prepare('SELECT symbol, state_json FROM trailing');
  return {
    saveTrailing: (symbol, state, at) => void save.run(symbol, JSON.stringify(state), at),
    deleteTrailing: (symbol) => void remove.run(symbol),
    loadTrailing: () =>
      load
        .all()
        .map((r) => ({ symbol: String(r.symbol), state: JSON.parse(String(r.state_json)) as unknown })),
  };
}

function settingStatements(db: DatabaseSync): Pick<Journal, 'setSetting' | 'getSetting'> {
  const set = db.prepare(
    'INSERT INTO settings (key, value_json, updated_at) VALUES (?,?,?) ON CONFLICT(key) DO UPDATE SET value_json=excluded.value_json, updated_at=excluded.updated_at',
  );
  const get = db.prepare('SELECT value_json FROM settings WHERE key = ?');
  return {
    setSetting: (key, value) => void set.run(key, JSON.stringify(value), Date.now()),
    getSetting: (key) => {
      const row = get.get(key);
      return row === undefined ? undefined : (JSON.parse(String(row.value_json)) as unknown);
    },
  };
}
