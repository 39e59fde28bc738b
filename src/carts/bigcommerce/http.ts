import { setTimeout as sleep } from 'node:timers/promises';
import { CART_REQUEST_TIMEOUT_MS } from '../adapter';
import { requestJson } from '../json-request';
import type { BigCommerceCredentials } from './credentials';
import { BigCommerceRefusal, BigCommerceUnavailable } from './errors';
import { pauseBeforeNextMs, readRateLimit } from './rate-limit';

export type Fetch = typeof fetch;
type Query = Record<string, string | number>;

/** One HTTP call below `/stores/{storeHash}/`, e.g. `v2/orders`; `body` is undefined for 204 No Content. */
export type BigCommerceHttp = (
  method: string,
  path: string,
  options?: { query?: Query; body?: unknown },
) => Promise<{ body: unknown; status: number }>;

/** BigCommerce's error message: V2 answers `[{status, message}]`, V3 `{status, title, errors}`. */
function errorMessage(body: unknown): string {
  const first = (Array.isArray(body) ? body[0] : body) as { message?: unknown; title?: unknown } | undefined;
  if (typeof first?.message === 'string') return first.message;
  if (typeof first?.title === 'string') return first.title;
  return 'no message';
}

/**
 * JSON over fetch with the API account's X-Auth-Token. Transient failures throw BigCommerceUnavailable (a 429 with the
 * window's reset as `retryAfterMs`), other 4xx BigCommerceRefusal; nothing retries here, the activity's retry policy
 * owns retrying. When an answer says no request is left in the window, the next call waits for the reset.
 */
export function createBigCommerceHttp(
  credentials: BigCommerceCredentials,
  fetchFn: Fetch = fetch,
  timeoutMs = CART_REQUEST_TIMEOUT_MS,
): BigCommerceHttp {
  let resumeAt = 0;
  return async (method, path, options = {}) => {
    const url = new URL(`${credentials.apiUrl}/stores/${credentials.storeHash}/${path}`);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, String(value));
    const where = `${method} ${path}`;
    if (resumeAt > Date.now()) await sleep(resumeAt - Date.now());
    const { response, body, json } = await requestJson(
      fetchFn,
      url,
      { method, headers: { 'x-auth-token': credentials.accessToken }, body: options.body, timeoutMs },
      (message, cause) => new BigCommerceUnavailable(`${where}: ${message}`, undefined, { cause }),
    );
    const limit = readRateLimit(response.headers);
    resumeAt = Date.now() + pauseBeforeNextMs(limit);
    // A proxy's HTML error page or a cut answer: the store is misbehaving, not refusing.
    if (!json && (response.ok || response.status >= 500)) {
      throw new BigCommerceUnavailable(`${where}: answered ${response.status} with a body that is not JSON`);
    }
    if (response.status === 429) {
      throw new BigCommerceUnavailable(`${where}: 429 rate limited: ${errorMessage(body)}`, limit.resetMs);
    }
    if (response.status >= 500) throw new BigCommerceUnavailable(`${where}: ${response.status} ${errorMessage(body)}`);
    if (!response.ok) throw new BigCommerceRefusal(response.status, `${where}: ${errorMessage(body)}`);
    return { body, status: response.status };
  };
}
