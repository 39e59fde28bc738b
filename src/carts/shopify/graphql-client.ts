import { z } from 'zod';
import { CART_REQUEST_TIMEOUT_MS } from '../adapter';
import { apiNoticeOf, type ShopifyApiNotice } from './api-notice';
import { DEFAULT_SHOPIFY_API_VERSION } from '../../domain/shopify-api-version';
import type { ShopifyCredentials } from './credentials';
import { ShopifyApiError } from './errors';
import { costSchema, throttleWaitMs } from './throttle';

export interface GraphqlClientOptions {
  credentials: ShopifyCredentials;
  /** The Admin API version asked for in every URL (the cart's `apiVersion` setting). */
  apiVersion?: string;
  /** Told of every response that names another version or a deprecation; it must not throw. */
  onApiNotice?: (notice: ShopifyApiNotice) => void;
  fetch?: typeof fetch;
  /** How the client waits out THROTTLED answers; injectable so tests need not wait. */
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
  /** THROTTLED answers waited out per request before giving up with a retryable error. */
  maxThrottleWaits?: number;
}

/** A named GraphQL document: the name shows in errors and in the simulator's fault rules. */
export interface Operation {
  name: string;
  query: string;
}

const errorSchema = z.object({
  message: z.string(),
  extensions: z.object({ code: z.string().optional() }).loose().optional(),
});
const answerSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(errorSchema).optional(),
  extensions: z.object({ cost: costSchema.optional() }).loose().optional(),
});

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function httpError(operation: string, status: number, retryAfter: string | null): ShopifyApiError {
  const message = `Shopify ${operation}: HTTP ${status}`;
  if (status === 401 || status === 403) return new ShopifyApiError('auth', message, { status });
  if (status === 429 || status >= 500) {
    const seconds = Number(retryAfter);
    return new ShopifyApiError('transient', message, {
      status,
      ...(Number.isFinite(seconds) && retryAfter !== null ? { retryAfterMs: seconds * 1000 } : {}),
    });
  }
  return new ShopifyApiError('request', message, { status });
}

/**
 * The only place the Shopify adapter does HTTP. Waits out THROTTLED answers (the bucket refills at a known rate, so
 * waiting is cheaper than failing the activity); everything else fails at once as a ShopifyApiError, leaving retries to
 * the activity's retry policy.
 */
export function createGraphqlClient(options: GraphqlClientOptions) {
  const { credentials } = options;
  const apiVersion = options.apiVersion ?? DEFAULT_SHOPIFY_API_VERSION;
  const endpoint = `${credentials.shopUrl.replace(/\/+$/, '')}/admin/api/${apiVersion}/graphql.json`;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.timeoutMs ?? CART_REQUEST_TIMEOUT_MS;
  const maxThrottleWaits = options.maxThrottleWaits ?? 5;

  async function attempt(operation: Operation, variables: Record<string, unknown>) {
    let response: Response;
    let text: string;
    try {
      response = await doFetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-shopify-access-token': credentials.accessToken,
        },
        body: JSON.stringify({ query: operation.query, variables, operationName: operation.name }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      throw new ShopifyApiError('transient', `Shopify ${operation.name}: ${(cause as Error).message}`, { cause });
    }
    const notice = apiNoticeOf(response.headers, operation.name, apiVersion);
    if (notice) options.onApiNotice?.(notice);
    if (!response.ok) throw httpError(operation.name, response.status, response.headers.get('retry-after'));
    let parsed;
    try {
      parsed = answerSchema.safeParse(JSON.parse(text));
    } catch (cause) {
      throw new ShopifyApiError('transient', `Shopify ${operation.name}: unreadable answer`, { cause });
    }
    if (!parsed.success) throw new ShopifyApiError('transient', `Shopify ${operation.name}: unexpected answer shape`);
    return parsed.data;
  }

  return {
    /** Runs `operation` and returns its `data` parsed with `schema`. */
    async request<S extends z.ZodType>(
      operation: Operation,
      variables: Record<string, unknown>,
      schema: S,
    ): Promise<z.output<S>> {
      for (let waits = 0; ; waits += 1) {
        const answer = await attempt(operation, variables);
        const throttled = answer.errors?.some((error) => error.extensions?.code === 'THROTTLED');
        if (throttled && answer.extensions?.cost && waits < maxThrottleWaits) {
          await sleep(throttleWaitMs(answer.extensions.cost));
          continue;
        }
        if (answer.errors?.length) {
          const codes = answer.errors.map((error) => error.extensions?.code);
          // Shopify's own hiccups come back as GraphQL errors too; only those and a lasting throttle may clear up.
          const transient = codes.every((code) => code === 'THROTTLED' || code === 'INTERNAL_SERVER_ERROR');
          const message = answer.errors.map((error) => error.message).join('; ');
          throw new ShopifyApiError(transient ? 'transient' : 'request', `Shopify ${operation.name}: ${message}`);
        }
        const data = schema.safeParse(answer.data);
        if (!data.success) {
          throw new ShopifyApiError('transient', `Shopify ${operation.name}: unexpected data: ${data.error.message}`);
        }
        return data.data;
      }
    },
  };
}

export type GraphqlClient = ReturnType<typeof createGraphqlClient>;
