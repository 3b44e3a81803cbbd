/**
 * Versioned journal schema (ADR 0302). Each migration runs once, in a transaction, and bumps
 * `PRAGMA user_version`; a journal written by a newer app is refused rather than misread.
 */
export const migrations: readonly string[] = [
  // 1: orders, fills, trailing state, the append-only event log, sticky settings.
  `
  CREATE TABLE orders (
    client_oid TEXT PRIMARY KEY,
    exchange_order_id TEXT,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL,
    type TEXT NOT NULL,
    purpose TEXT NOT NULL,
    size_lots INTEGER NOT NULL,
    filled_lots INTEGER NOT NULL DEFAULT 0,
    price TEXT,
    stop_price TEXT,
    avg_fill_price TEXT,
    leverage INTEGER NOT NULL,
    reduce_only INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    linked_stop_client_oid TEXT,
    parent_client_oid TEXT,
    request_json TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    confirm_latency_ms REAL
  );
  CREATE INDEX orders_status ON orders(status);
  CREATE INDEX orders_symbol ON orders(symbol, updated_at);
  CREATE TABLE fills (
    trade_id TEXT PRIMARY KEY,
    exchange_order_id TEXT NOT NULL,
    client_oid TEXT,
    symbol TEXT NOT NULL,
    side TEXT NOT NULL,
    size_lots INTEGER NOT NULL,
    price TEXT NOT NULL,
    fee TEXT NOT NULL,
    liquidity TEXT NOT NULL,
    trade_type TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX fills_order ON fills(exchange_order_id);
  CREATE TABLE trailing (
    symbol TEXT PRIMARY KEY,
    state_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    symbol TEXT,
    client_oid TEXT,
    data_json TEXT NOT NULL
  );
  CREATE INDEX events_kind ON events(kind, seq);
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value_json TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // 2: an entry's stop attachment is a column, not something found by searching its request JSON.
  `
  ALTER TABLE orders ADD COLUMN stop_attachment TEXT;
  CREATE INDEX orders_exchange_id ON orders(exchange_order_id);
  UPDATE orders SET stop_attachment = CASE WHEN request_json LIKE '%"withStops":true%' THEN 'attached' ELSE 'separate' END WHERE purpose = 'entry';
  `,
];
