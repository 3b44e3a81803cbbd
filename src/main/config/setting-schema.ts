/**
 * One setting's own schema, found by its dotted path in the configuration schema, and what it
 * allows in a form the Settings pages can show before the trader types (zod's JSON Schema export).
 */
import { z } from 'zod';
import type { SettingRange } from '../../shared/ipc/channels/settings.ts';
import { configSchema } from './schema.ts';

/** The schema of the setting at `path` (defaults included), or undefined when there is none. */
export function settingSchema(path: string): z.ZodType | undefined {
  let node: z.ZodType = configSchema;
  for (const key of path.split('.')) {
    const object = unwrapped(node);
    if (!(object instanceof z.ZodObject)) return undefined;
    const shape = object.shape as Record<string, z.ZodType>;
    if (!Object.hasOwn(shape, key)) return undefined;
    const child = shape[key];
    if (child === undefined) return undefined;
    node = child;
  }
  return node;
}

function unwrapped(schema: z.ZodType): z.ZodType {
  let node = schema;
  while (node instanceof z.ZodDefault || node instanceof z.ZodPrefault) node = node.unwrap() as z.ZodType;
  return node;
}

const decimalPattern = /^\d+(\.\d+)?$/.source;

interface JsonSchemaNumber {
  readonly type?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly exclusiveMinimum?: unknown;
  readonly enum?: unknown;
  readonly pattern?: unknown;
}

function bound(value: unknown): number | undefined {
  return typeof value === 'number' && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined;
}

/** What the schema at `schema` allows: kind, inclusive bounds (or an exclusive minimum), choices. */
export function settingRange(schema: z.ZodType): SettingRange {
  const json = z.toJSONSchema(unwrapped(schema), { io: 'input', unrepresentable: 'any' }) as JsonSchemaNumber;
  if (json.type === 'boolean') return { kind: 'boolean' };
  if (json.type === 'array') return { kind: 'list' };
  if (json.type === 'object') return { kind: 'map' };
  if (Array.isArray(json.enum)) return { kind: 'choice', choices: json.enum.map(String) };
  if (json.type === 'string')
    return json.pattern === decimalPattern ? { kind: 'decimal', minimum: 0 } : { kind: 'choice' };
  const exclusive = bound(json.exclusiveMinimum);
  const minimum = exclusive ?? bound(json.minimum);
  const maximum = bound(json.maximum);
  return {
    kind: json.type === 'integer' ? 'integer' : 'number',
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
    ...(exclusive === undefined ? {} : { exclusiveMinimum: true }),
  };
}
