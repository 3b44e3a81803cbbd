/**
 * Faults that change a successful answer after the work is done (ADR 0140): `corrupt-success`
 * (a 200000 envelope with a broken body) and `blank-fields` (listed fields set to null). Both
 * work on a deep copy: handlers may answer with the venue's own stored records (fills, history),
 * which must stay intact.
 */
import type { CorruptVariant, RestFaultSpec } from './faults.ts';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Calls `visit` on every object inside `value` (arrays and nested objects included). */
function eachObject(value: unknown, visit: (object: JsonObject) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) eachObject(item, visit);
    return;
  }
  if (!isObject(value)) return;
  visit(value);
  for (const member of Object.values(value)) eachObject(member, visit);
}

/** The records of an answer: the elements of a list, the items of a page, or the object itself. */
function recordsOf(data: unknown): JsonObject[] {
  if (Array.isArray(data)) return data.filter(isObject);
  if (isObject(data)) return Array.isArray(data.items) ? data.items.filter(isObject) : [data];
  return [];
}

function carriesOrderId(data: unknown): boolean {
  let found = false;
  eachObject(data, (object) => {
    if (Object.hasOwn(object, 'orderId')) found = true;
  });
  return found;
}

/** The variant a `corrupt-success` rule applies to this answer. */
export function corruptVariantFor(rule: RestFaultSpec, data: unknown): CorruptVariant {
  return rule.variant ?? (carriesOrderId(data) ? 'drop-order-id' : 'drop-field');
}

/**
 * A copy of `data` corrupted as the rule says: without any `orderId`, with every `clientOid`
 * replaced by `wrong-<clientOid>`, or with `field` removed (everywhere; without `field`, the first
 * field of each record).
 */
export function corruptData(data: unknown, rule: RestFaultSpec): unknown {
  const copy: unknown = structuredClone(data);
  const variant = corruptVariantFor(rule, copy);
  if (variant === 'drop-order-id') {
    eachObject(copy, (object) => {
      delete object.orderId;
    });
  } else if (variant === 'wrong-client-oid') {
    eachObject(copy, (object) => {
      if (typeof object.clientOid === 'string') object.clientOid = `wrong-${object.clientOid}`;
    });
  } else if (rule.field !== undefined) {
    const field = rule.field;
    eachObject(copy, (object) => {
      Reflect.deleteProperty(object, field);
    });
  } else {
    for (const record of recordsOf(copy)) {
      const first = Object.keys(record)[0];
      if (first !== undefined) Reflect.deleteProperty(record, first);
    }
  }
  return copy;
}

/** A copy of `data` where each listed field of every object that has it is null. */
export function blankFields(data: unknown, fields: readonly string[]): unknown {
  const copy: unknown = structuredClone(data);
  eachObject(copy, (object) => {
    for (const field of fields) if (Object.hasOwn(object, field)) object[field] = null;
  });
  return copy;
}
