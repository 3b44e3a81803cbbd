import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { clientIp, isLoopback, readBody, sendJson } from './http-io.ts';
import type { VenueAdmin } from './venue-admin.ts';

const scopeSchema = z.object({ userId: z.string().optional() }).strict();
const faultSchema = z
  .object({
    kind: z.enum([
      'latency',
      'server-error',
      'overload',
      'timeout',
      'drop-response',
      'reject',
      'corrupt-success',
      'blank-fields',
      'accept-duplicate-client-oid',
    ]),
    rate: z.number().min(0).max(1).optional(),
    path: z.string().optional(),
    method: z.string().optional(),
    count: z.number().int().positive().optional(),
    latencyMs: z.number().min(0).optional(),
    jitterMs: z.number().min(0).optional(),
    httpStatus: z.number().int().min(500).max(599).optional(),
    code: z
      .string()
      .regex(/^\d{5,6}$/)
      .optional(),
    msg: z.string().max(200).optional(),
    variant: z.enum(['drop-order-id', 'wrong-client-oid', 'drop-field']).optional(),
    field: z.string().min(1).optional(),
    fields: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict()
  .refine((spec) => spec.kind !== 'blank-fields' || spec.fields !== undefined, {
    message: 'blank-fields needs fields: the names to set to null, e.g. ["markPrice"]',
    path: ['fields'],
  });
const keySchema = z
  .object({
    permissions: z
      .array(
        z.enum(['General', 'Spot', 'Margin', 'Futures', 'InnerTransfer', 'Transfer', 'Earn', 'Withdraw']),
      )
      .optional(),
    ipWhitelist: z.array(z.string()).optional(),
    keyVersion: z.enum(['1', '2', '3']).optional(),
    userId: z.string().optional(),
    remark: z.string().optional(),
  })
  .strict();

type AdminAction = (admin: VenueAdmin, body: unknown, query: URLSearchParams) => unknown;

/** Drops `undefined` members so zod output fits `exactOptionalPropertyTypes` specs. */
function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** `METHOD /__venue/path` → action; bodies are zod-parsed, answers are `{ok, data}`. */
const actions: Readonly<Record<string, AdminAction>> = {
  'GET /__venue/health': () => ({ status: 'up' }),
  'GET /__venue/requests': (a, _b, q) => {
    const filter = stripUndefined({ path: q.get('path') ?? undefined, method: q.get('method') ?? undefined });
    return {
      total: a.requestCount(),
      count: a.requestCount(filter),
      counts: a.requestCounts(),
      recent: a.recentRequests(),
    };
  },
  'DELETE /__venue/requests': (a) => {
    a.resetRequestLog();
  },
  'GET /__venue/faults': (a) => a.faults(),
  'POST /__venue/faults': (a, b) => ({ id: a.addFault(stripUndefined(faultSchema.parse(b))) }),
  'DELETE /__venue/faults': (a, _b, q) => {
    const id = q.get('id');
    if (id === null) a.clearFaults();
    else a.removeFault(id);
  },
  'POST /__venue/ws/disconnect': (a, b) => ({
    connections: a.disconnectWebSockets(stripUndefined(scopeSchema.parse(b ?? {}))),
  }),
  'POST /__venue/ws/silence': (a, b) => {
    const { on, ...scope } = scopeSchema.extend({ on: z.boolean() }).parse(b);
    return { connections: a.silenceWebSockets(on, stripUndefined(scope)) };
  },
  'POST /__venue/ws/expire-tokens': (a, b) => ({
    tokens: a.expireTokens(stripUndefined(scopeSchema.parse(b ?? {}))),
  }),
  'GET /__venue/ws/connections': (a) => ({ connections: a.wsConnectionCount() }),
  'POST /__venue/clock-skew': (a, b) => {
    a.setClockSkewMs(z.object({ ms: z.number().int() }).parse(b).ms);
  },
  'POST /__venue/status': (a, b) => {
    const { status, msg } = z
      .object({ status: z.enum(['open', 'close', 'cancelonly']), msg: z.string().optional() })
      .parse(b);
    a.setStatus(status, msg);
  },
  'POST /__venue/price': (a, b) => {
    const { symbol, price } = z
      .object({ symbol: z.string(), price: z.string().regex(/^\d+(\.\d+)?$/) })
      .parse(b);
    a.setPrice(symbol, price);
  },
  'POST /__venue/price-jump': (a, b) => {
    const { symbol, pct } = z.object({ symbol: z.string(), pct: z.number() }).parse(b);
    a.jumpPrice(symbol, pct);
  },
  'POST /__venue/advance-time': (a, b) => {
    a.advanceTime(z.object({ ms: z.number().int().nonnegative() }).parse(b).ms);
  },
  'POST /__venue/adl': (a, b) => {
    const { userId, symbol, lots } = z
      .object({ userId: z.string().min(1), symbol: z.string().min(1), lots: z.number().int().positive() })
      .parse(b);
    return { remainingLots: a.autoDeleverage(userId, symbol, lots) };
  },
  'POST /__venue/keys': (a, b) => a.issueKey(stripUndefined(keySchema.parse(b ?? {}))),
  'GET /__venue/ledger': (a, _b, q) => a.ledger(z.string().min(1).parse(q.get('userId'))),
  'GET /__venue/orders/timeline': (a, _b, q) =>
    a.orderTimeline(
      stripUndefined({ userId: q.get('userId') ?? undefined, symbol: q.get('symbol') ?? undefined }),
    ),
  'POST /__venue/rate-limits/reset': (a) => {
    a.resetRateLimits();
  },
  'POST /__venue/reset': (a) => {
    a.reset();
  },
};

/** Serves the loopback-only admin API under `/__venue/` (distinct from every KuCoin path). */
export function createAdminHttp(admin: VenueAdmin, maxBodyBytes: number) {
  return async (req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): Promise<void> => {
    if (!isLoopback(clientIp(req))) {
      sendJson(res, 403, { ok: false, error: 'the venue admin API answers loopback clients only' });
      return;
    }
    const action = actions[`${(req.method ?? 'GET').toUpperCase()} ${path}`];
    if (action === undefined) {
      sendJson(res, 404, { ok: false, error: `no admin route ${req.method ?? ''} ${path}` });
      return;
    }
    try {
      const text = await readBody(req, maxBodyBytes);
      const body: unknown = text.trim() === '' ? undefined : JSON.parse(text);
      sendJson(res, 200, { ok: true, data: action(admin, body, new URLSearchParams(rawQuery)) ?? null });
    } catch (error) {
      sendJson(res, 400, { ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
}
