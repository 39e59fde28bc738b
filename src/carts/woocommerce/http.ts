import { CART_REQUEST_TIMEOUT_MS } from '../adapter';
import { requestJson } from '../json-request';
import { WooCommerceRefusal, WooCommerceUnavailable } from './errors';
import type { WooCommerceCredentials } from './credentials';

export type Fetch = typeof fetch;
type Query = Record<string, string | number | boolean>;

export interface WooResponse {
  body: unknown;
  headers: Headers;
}

/** One HTTP call to the store's REST API: `path` below /wp-json/, e.g. `wc/v3/orders`. */
export type WooHttp = (
  method: string,
  path: string,
  options?: { query?: Query; body?: unknown },
) => Promise<WooResponse>;

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function wpError(body: unknown): { code: string; message: string } {
  const error = (body ?? {}) as { code?: unknown; message?: unknown };
  return {
    code: typeof error.code === 'string' ? error.code : 'unknown',
    message: typeof error.message === 'string' ? error.message : 'no message',
  };
}

/**
 * JSON over fetch with HTTP Basic auth (the key and secret over TLS). Transient failures throw WooCommerceUnavailable,
 * 4xx throw WooCommerceRefusal; nothing retries here, because the activity's retry policy owns retrying.
 */
export function createWooHttp(
  credentials: WooCommerceCredentials,
  fetchFn: Fetch = fetch,
  timeoutMs = CART_REQUEST_TIMEOUT_MS,
): WooHttp {
  const authorization = `Basic ${Buffer.from(`${credentials.consumerKey}:${credentials.consumerSecret}`).toString('base64')}`;
  return async (method, path, options = {}) => {
    const url = new URL(`${credentials.siteUrl}/wp-json/${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
    const where = `${method} ${url.pathname}`;
    const { response, body, json } = await requestJson(
      fetchFn,
      url,
      { method, headers: { authorization }, body: options.body, timeoutMs },
      (message, cause) => new WooCommerceUnavailable(`${where}: ${message}`, undefined, { cause }),
    );
    // A PHP notice or a proxy's HTML page in front of the JSON: the store is misbehaving, not refusing.
    if (!json && (response.ok || response.status >= 500)) {
      throw new WooCommerceUnavailable(`${where}: answered ${response.status} with a body that is not JSON`);
    }
    if (response.status === 429 || response.status >= 500) {
      const { code, message } = wpError(body);
      throw new WooCommerceUnavailable(
        `${where}: ${response.status} ${code}: ${message}`,
        retryAfterMs(response.headers),
      );
    }
    if (!response.ok) {
      const { code, message } = wpError(body);
      throw new WooCommerceRefusal(response.status, code, `${where}: ${message}`);
    }
    return { body, headers: response.headers };
  };
}
