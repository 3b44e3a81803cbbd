import type { SerializedError } from './errors.ts';

/** The answer to every IPC call: a value, or an error a trader can act on. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SerializedError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps a serialized error as a failed result. */
export function fail<T = never>(error: SerializedError): Result<T> {
  return { ok: false, error };
}
