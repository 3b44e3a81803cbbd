/** Which leaves of the configuration differ between two versions, as dotted paths. */

/** One changed leaf: a number, string, boolean or list (lists compare whole). */
export interface ConfigLeafChange {
  readonly path: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every leaf whose value differs between `before` and `after` (keys on either side). */
export function diffConfig(before: unknown, after: unknown, prefix = ''): ConfigLeafChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) =>
      diffConfig(before[key], after[key], prefix === '' ? key : `${prefix}.${key}`),
    );
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ path: prefix, oldValue: before, newValue: after }];
}
