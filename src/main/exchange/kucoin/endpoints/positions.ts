import { z } from 'zod';
import { readPriority, type RequestOptions, type RestCall } from '../rest-call.ts';
import {
  acknowledgedSchema,
  crossLeverageSchema,
  marginModeSchema,
  positionSchema,
  positionsSchema,
  riskLimitLevelsSchema,
  type KucoinCrossLeverage,
  type KucoinMarginMode,
  type KucoinPosition,
  type KucoinRiskLimitLevel,
} from '../schemas/positions.ts';

function positionsCall<T>(
  method: 'GET' | 'POST',
  route: string,
  schema: z.ZodType<T>,
  extra: Partial<RestCall<T>>,
): RestCall<T> {
  return {
    host: 'futures',
    method,
    route: `${method} ${route}`,
    path: route,
    schema,
    auth: true,
    lane: method === 'GET' ? 'market' : 'order',
    protective: false,
    kind: method === 'GET' ? 'read' : 'write',
    ...extra,
  };
}

/** GET /api/v1/position?symbol= (docs/reference/kucoin-futures.md#positions). */
export const positionCall = (symbol: string, options?: RequestOptions): RestCall<KucoinPosition> =>
  positionsCall('GET', '/api/v1/position', positionSchema, {
    ...readPriority(options),
    query: { symbol },
    verify: (position: KucoinPosition) =>
      position.symbol === symbol ? undefined : `position symbol ${position.symbol} ≠ asked ${symbol}`,
  });

/** GET /api/v1/positions[?currency=] (docs/reference/kucoin-futures.md#positions). */
export const positionsListCall = (currency?: string, options?: RequestOptions): RestCall<KucoinPosition[]> =>
  positionsCall('GET', '/api/v1/positions', positionsSchema, {
    ...readPriority(options),
    ...(currency === undefined ? {} : { query: { currency } }),
  });

/** GET /api/v2/position/getMarginMode?symbol= (docs/reference/kucoin-futures.md#margin-mode). */
export const marginModeCall = (symbol: string, options?: RequestOptions): RestCall<KucoinMarginMode> =>
  positionsCall('GET', '/api/v2/position/getMarginMode', marginModeSchema, {
    ...readPriority(options),
    query: { symbol },
  });

/** POST /api/v2/position/changeMarginMode (docs/reference/kucoin-futures.md#margin-mode); refused while orders or positions exist. */
export const changeMarginModeCall = (
  symbol: string,
  marginMode: 'ISOLATED' | 'CROSS',
): RestCall<KucoinMarginMode> =>
  positionsCall('POST', '/api/v2/position/changeMarginMode', marginModeSchema, {
    body: { symbol, marginMode },
    verify: (result: KucoinMarginMode) =>
      result.symbol === symbol && result.marginMode === marginMode
        ? undefined
        : `margin mode echo ${result.symbol}/${result.marginMode} ≠ sent ${symbol}/${marginMode}`,
  });

/** GET /api/v2/getCrossUserLeverage?symbol= (docs/reference/kucoin-futures.md#margin-mode). */
export const crossLeverageCall = (symbol: string): RestCall<KucoinCrossLeverage> =>
  positionsCall('GET', '/api/v2/getCrossUserLeverage', crossLeverageSchema, { query: { symbol } });

/** POST /api/v2/changeCrossUserLeverage `{symbol, leverage}` (leverage as a string) → `true` (docs/reference/kucoin-futures.md#margin-mode). */
export const changeCrossLeverageCall = (symbol: string, leverage: number): RestCall<true> =>
  positionsCall('POST', '/api/v2/changeCrossUserLeverage', acknowledgedSchema, {
    body: { symbol, leverage: String(leverage) },
  });

/** Why a risk-limit answer cannot be used as the tier table of `symbol`, or undefined when it can. */
function riskLevelsProblem(symbol: string, levels: readonly KucoinRiskLimitLevel[]): string | undefined {
  if (levels.length === 0) return `no risk-limit levels for ${symbol}`;
  for (const [index, level] of levels.entries()) {
    if (level.symbol !== symbol) return `risk-limit level of ${level.symbol} ≠ asked ${symbol}`;
    const previous = levels[index - 1];
    if (
      previous !== undefined &&
      !(level.level > previous.level && Number(level.maxRiskLimit) > Number(previous.maxRiskLimit))
    ) {
      return `risk-limit levels of ${symbol} are not ascending at level ${level.level}`;
    }
  }
  return undefined;
}

/**
 * GET /api/v1/contracts/risk-limit/{symbol} (docs/reference/kucoin-futures.md#risk-limits): the isolated-margin tiers, ascending. The spec
 * names it a Private-channel endpoint (no permission, Public pool, weight 5), so it is signed.
 */
export const riskLimitLevelsCall = (symbol: string): RestCall<KucoinRiskLimitLevel[]> =>
  positionsCall('GET', '/api/v1/contracts/risk-limit/{symbol}', riskLimitLevelsSchema, {
    path: `/api/v1/contracts/risk-limit/${encodeURIComponent(symbol)}`,
    verify: (levels: KucoinRiskLimitLevel[]) => riskLevelsProblem(symbol, levels),
  });
