/**
 * JSON for venue records: the records hold bigint lots and exact decimals ({ m: bigint, s }), which
 * JSON has no type for, so a bigint travels as `{ "$n": "<digits>" }` and comes back as a bigint.
 */

/** JSON text of `value`, bigints kept exact. */
export function encodeRecord(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? { $n: item.toString() } : item));
}

function isBigIntBox(item: unknown): item is { $n: string } {
  return typeof item === 'object' && item !== null && Object.keys(item).length === 1 && typeof (item as { $n?: unknown }).$n === 'string';
}

/** The value of {@link encodeRecord}'s text (throws SyntaxError on text that is not JSON). */
export function decodeRecord(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => (isBigIntBox(item) ? BigInt(item.$n) : item));
}
