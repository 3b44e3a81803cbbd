import type { z } from 'zod';
import { ConfigError } from '../../shared/errors.ts';

type Overrides = Record<string, unknown>;

function isRecord(value: unknown): value is Overrides {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-merges a patch into the user's overrides (objects merge, everything else replaces). */
export function mergeOverrides(base: Overrides, patch: Overrides): Overrides {
  const out: Overrides = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isRecord(current) && isRecord(value) ? mergeOverrides(current, value) : value;
  }
  return out;
}

/** Returns a copy of `overrides` without the field at `path`. */
export function removePath(overrides: Overrides, path: readonly PropertyKey[]): Overrides {
  const [head, ...rest] = path;
  if (typeof head !== 'string') return {}; // an issue on the whole object: drop it all
  const out: Overrides = { ...overrides };
  const child = out[head];
  if (rest.length === 0 || !isRecord(child)) {
    Reflect.deleteProperty(out, head);
  } else {
    out[head] = removePath(child, rest);
  }
  return out;
}

function valueAt(overrides: Overrides, path: readonly PropertyKey[]): unknown {
  let node: unknown = overrides;
  for (const key of path) {
    if (!isRecord(node) || typeof key !== 'string') return undefined;
    node = node[key];
  }
  return node;
}

/** Turns a zod issue into a ConfigError naming the field, the value given and what is allowed. */
export function describeIssue(issue: z.core.$ZodIssue, overrides: Overrides): ConfigError {
  const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const basePath = issue.path.map(String).join('.');
  const field =
    unknownKeys.length > 0 ? [basePath, unknownKeys.join(', ')].filter(Boolean).join('.') : basePath;
  const value = unknownKeys.length > 0 ? undefined : valueAt(overrides, issue.path);
  const allowed = unknownKeys.length > 0 ? 'no such setting (check the spelling)' : issue.message;
  return new ConfigError(
    'config-invalid',
    `Setting "${field || '(root)'}" = ${value === undefined ? 'undefined' : JSON.stringify(value)} is not allowed: ${allowed}. ` +
      'Bulwark keeps the last valid value.',
    { details: { field: field || '(root)', value, allowed } },
  );
}
