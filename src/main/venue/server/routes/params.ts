import type { QueryParams } from '../../core/index.ts';
import { invalidParameter } from '../kucoin-errors.ts';
import type { RouteRequest } from '../route-table.ts';

/** The query as the core takes it: percent-decoded, last value wins for a repeated name. */
export function queryParams(request: RouteRequest): QueryParams {
  return Object.fromEntries(request.query);
}

/** A required query parameter; KuCoin answers 100001 when it is missing or blank. */
export function requiredQuery(request: RouteRequest, name: string): string {
  const value = request.query.get(name);
  if (value === null || value.trim() === '') invalidParameter(`The ${name} parameter is required.`);
  return value;
}

/** An optional query parameter (blank counts as absent). */
export function optionalQuery(request: RouteRequest, name: string): string | undefined {
  const value = request.query.get(name);
  return value === null || value.trim() === '' ? undefined : value;
}

/** An optional integer query parameter (ms timestamps, granularity); 100001 when not an integer. */
export function optionalIntQuery(request: RouteRequest, name: string): number | undefined {
  const value = optionalQuery(request, name);
  if (value === undefined) return undefined;
  if (!/^-?\d{1,16}$/.test(value)) invalidParameter(`The ${name} parameter must be an integer.`);
  return Number(value);
}

/** A required integer query parameter. */
export function requiredIntQuery(request: RouteRequest, name: string): number {
  requiredQuery(request, name);
  const value = optionalIntQuery(request, name);
  if (value === undefined) invalidParameter(`The ${name} parameter is required.`);
  return value;
}

/** A path parameter by its spec name. */
export function pathParam(request: RouteRequest, name: string): string {
  const value = request.params[name];
  if (value === undefined || value === '') invalidParameter(`The ${name} parameter is required.`);
  return value;
}

/** The user a private request acts for (auth already ran). */
export function userOf(request: RouteRequest): string {
  if (request.key === undefined) return invalidParameter('This endpoint requires a signed request.');
  return request.key.userId;
}
