// Generates tests/fixtures/kucoin/openapi-shapes.json: the response schema of every KuCoin Futures
// REST endpoint and the message schema of every Futures WebSocket push, copied from KuCoin's own
// OpenAPI specs (the openapi-*.json files KuCoin publishes with its universal SDK,
// https://github.com/Kucoin/kucoin-universal-sdk) with every $ref inlined and the prose
// (descriptions, enum commentary) dropped, so the repository's conformance test stands alone
// (ADR 0141). The test builds validators from this file with zod's JSON-schema converter.
// Usage: node scripts/gen-kucoin-shapes.mjs <directory holding KuCoin's openapi-*.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const specDir = process.argv[2];
if (specDir === undefined) {
  process.stderr.write('usage: node scripts/gen-kucoin-shapes.mjs <directory of KuCoin openapi-*.json>\n');
  process.exit(2);
}
const out = new URL('../tests/fixtures/kucoin/openapi-shapes.json', import.meta.url);

// REST: every path of the futures files; of the account files only what a futures client calls.
const restFiles = {
  'openapi-futures-market.json': null,
  'openapi-futures-order.json': null,
  'openapi-futures-positions.json': null,
  'openapi-futures-fundingfees.json': null,
  'openapi-account-account.json': [
    'GET /api/v1/account-overview',
    'GET /api/v1/transaction-history',
    'GET /api/v1/user/api-key',
  ],
  // The spec lists trade-fees as PATCH; KuCoin serves it as GET.
  'openapi-account-fee.json': ['PATCH /api/v1/trade-fees'],
};
const pushFiles = ['openapi-futures-public.json', 'openapi-futures-private.json'];
// Annotations that carry no shape: dropped to keep the fixture small and readable.
const prose = new Set(['description', 'x-api-enum', 'example', 'examples', 'title']);

function resolve(spec, node, seen = []) {
  if (Array.isArray(node)) return node.map((item) => resolve(spec, item, seen));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    if (seen.includes(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
    const target = node.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((at, key) => at?.[key], spec);
    if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
    return resolve(spec, target, [...seen, node.$ref]);
  }
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (prose.has(key) && typeof value !== 'object') continue;
    if (key === 'x-api-enum') continue;
    copy[key] = resolve(spec, value, seen);
  }
  return copy;
}

/** KuCoin's example answer of an operation, parsed (its specs keep it as an escaped string). */
function exampleOf(op) {
  const raw = op['x-response-example'];
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw.replaceAll('\\n', '\n').replaceAll('\\"', '"'));
  } catch {
    return undefined;
  }
}

// KuCoin's schemas never say `nullable`, yet its own examples send null for some fields (a perpetual's
// expireDate, an open order's endAt). Where KuCoin's example for an operation has null, the field is
// marked nullable, so the fixture allows exactly what KuCoin itself sends.
function markNulls(schema, example) {
  if (schema === null || typeof schema !== 'object' || example === null || typeof example !== 'object')
    return;
  if (Array.isArray(example)) {
    for (const item of example) markNulls(schema.items, item);
    return;
  }
  for (const [key, value] of Object.entries(example)) {
    const field = schema.properties?.[key];
    if (field === undefined) continue;
    if (value === null) field.nullable = true;
    else markNulls(field, value);
  }
}

const unparsed = [];

function load(file) {
  return JSON.parse(readFileSync(join(specDir, file), 'utf8'));
}

function responseSchema(spec, op) {
  const schema = op.responses?.['200']?.content?.['application/json']?.schema;
  if (schema === undefined) return undefined;
  const resolved = resolve(spec, schema);
  const example = exampleOf(op);
  if (example === undefined) unparsed.push(op.summary ?? '?');
  markNulls(resolved, example);
  return resolved;
}

const rest = {};
for (const [file, only] of Object.entries(restFiles)) {
  const spec = load(file);
  for (const [path, ops] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      const key = `${method.toUpperCase()} ${path}`;
      if (only !== null && !only.includes(key)) continue;
      const schema = responseSchema(spec, op);
      if (schema === undefined) continue;
      rest[key === 'PATCH /api/v1/trade-fees' ? 'GET /api/v1/trade-fees' : key] = { file, schema };
    }
  }
}

const push = {};
for (const file of pushFiles) {
  const spec = load(file);
  for (const ops of Object.values(spec.paths ?? {})) {
    for (const op of Object.values(ops)) {
      const topic = op['x-topic'];
      const schema = responseSchema(spec, op);
      if (typeof topic !== 'string' || schema === undefined) continue;
      const example = exampleOf(op);
      push[topic] = { file, schema, example: example === undefined ? null : JSON.stringify(example) };
    }
  }
}

const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  out,
  `${JSON.stringify({ generatedBy: 'scripts/gen-kucoin-shapes.mjs', rest: sorted(rest), push: sorted(push) }, null, 1)}\n`,
);
if (unparsed.length > 0)
  process.stdout.write(`examples not parsed (no nulls taken from them): ${unparsed.join(', ')}\n`);
process.stdout.write(
  `${Object.keys(rest).length} REST answers, ${Object.keys(push).length} push messages → ${out.pathname}\n`,
);
