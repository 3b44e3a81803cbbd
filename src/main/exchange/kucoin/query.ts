/** Query parameter values as our endpoint functions pass them; `undefined` values are left out. */
export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** The same query twice: raw for the signature (docs/reference/kucoin-futures.md#prehash), percent-encoded for the URL. */
export interface BuiltQuery {
  readonly raw: string;
  readonly encoded: string;
}

/**
 * Builds the query in insertion order. KuCoin verifies the signature against the *decoded*
 * query (docs/reference/kucoin-futures.md#prehash, JKorf/Kucoin.Net#72), so the prehash gets raw values and the URL encoded ones.
 */
export function buildQuery(params: QueryParams | undefined): BuiltQuery {
  if (params === undefined) return { raw: '', encoded: '' };
  const raw: string[] = [];
  const encoded: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const text = String(value);
    raw.push(`${key}=${text}`);
    encoded.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
  }
  return { raw: raw.join('&'), encoded: encoded.join('&') };
}
