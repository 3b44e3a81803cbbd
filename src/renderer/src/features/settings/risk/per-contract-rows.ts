/** One row of the per-contract limits table as typed. */
export interface ContractLimitRow {
  readonly symbol: string;
  readonly maxPositionLots: string;
  readonly maxPositionNotionalUsdt: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

/** The table's rows from the map main holds (`{ ETHUSDTM: { maxPositionLots, maxPositionNotionalUsdt } }`). */
export function rowsOf(value: unknown): ContractLimitRow[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).map(([symbol, limits]) => ({
    symbol,
    maxPositionLots: isRecord(limits) ? text(limits.maxPositionLots) : '',
    maxPositionNotionalUsdt: isRecord(limits) ? text(limits.maxPositionNotionalUsdt) : '',
  }));
}

/**
 * The map sent to main. Lots that do not read as a number are sent as typed, so main's schema
 * says what is wrong; symbols are upper-cased as KuCoin writes them.
 */
export function mapOf(rows: readonly ContractLimitRow[]): Record<string, unknown> {
  return Object.fromEntries(
    rows.map((row) => {
      const lots = Number(row.maxPositionLots.trim());
      return [
        row.symbol.trim().toUpperCase(),
        {
          maxPositionLots:
            row.maxPositionLots.trim() !== '' && Number.isFinite(lots) ? lots : row.maxPositionLots,
          maxPositionNotionalUsdt: row.maxPositionNotionalUsdt.trim(),
        },
      ];
    }),
  );
}
