/**
 * JSON for venue records: the records hold bigint lots and exact decimals ({ m: bigint, s }), which
 * JSON has no type for, so a bigint travels as `{ "$n": "<digits>" }` and comes back as a bigint.
 */

/** JSON text of `value`, bigints kept exact. */
export function encodeRecord(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'bigint' ? { $n: item.toString() } : item,
  );
}

// No venue record has a field named `$n`, so its presence marks a box.
function isBigIntBox(item: unknown): item is { $n: string } {
  return typeof item === 'object' && item !== null && typeof (item as { $n?: unknown }).$n === 'string';
}

/** Replaces every bigint box under `value` in place (a plain walk: a JSON.parse reviver costs several times more). */
function unbox(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isBigIntBox(value)) return BigInt(value.$n);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = unbox(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) record[key] = unbox(record[key]);
  return record;
}

/** The value of {@link encodeRecord}'s text (throws SyntaxError on text that is not JSON). */
export function decodeRecord(text: string): unknown {
  const value: unknown = JSON.parse(text);
  // Most history rows (fills, ledger rows) hold no bigint at all.
  return text.includes('"$n"') ? unbox(value) : value;
}
