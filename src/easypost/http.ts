import type { z } from 'zod';
import { classifyNetworkError, classifyResponse, unreadableSuccess, type RequestLabel } from './classify';

export interface HttpConfig {
  apiKey: string;
  /** Ends with `/`; paths are resolved against it. */
  baseUrl: string;
  timeoutMs: number;
  fetch: typeof fetch;
  /** Awaited before every request: waits for the caller's turn under a rate limit, or throws a `rate_limited` error. */
  throttle?: () => Promise<void>;
}

export type QueryValue = string | number | readonly (string | number)[] | undefined;

export interface HttpRequest extends RequestLabel {
  query?: Record<string, QueryValue>;
  body?: unknown;
}

const USER_AGENT = 'epf-easypost-client/1';

/** Resolves `path` against the base URL; arrays become repeated `key[]=` parameters (doc §7), undefined is left out. */
export function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): URL {
  const url = new URL(path, baseUrl);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(`${key}[]`, String(item));
    else url.searchParams.append(key, String(value));
  }
  return url;
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? error.message : `${issue.path.join('.') || 'body'}: ${issue.message}`;
}

/**
 * The only place the client does HTTP: one attempt, bounded by the timeout (body included), answer parsed with
 * `schema`. It throws only EasyPostError. It never retries: retries belong to the Temporal activity's retry policy.
 * An empty 2xx body is passed to `schema` as `undefined`.
 */
export async function request<S extends z.ZodType>(
  config: HttpConfig,
  call: HttpRequest,
  schema: S,
): Promise<z.output<S>> {
  const label: RequestLabel = { method: call.method, path: call.path };
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const headers: Record<string, string> = {
    // Basic auth with the key as user name and an empty password (doc §1).
    authorization: `Basic ${Buffer.from(`${config.apiKey}:`).toString('base64')}`,
    accept: 'application/json',
    'user-agent': USER_AGENT,
  };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    // The vendor server does not accept chunked uploads (doc §1).
    headers['content-length'] = String(Buffer.byteLength(body));
  }

  const url = buildUrl(config.baseUrl, call.path, call.query);
  await config.throttle?.();
  let response: Response;
  let text: string;
  try {
    response = await config.fetch(url, {
      method: call.method,
      headers,
      body,
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw classifyNetworkError(label, error, config.timeoutMs);
  }

  if (!response.ok) {
    throw classifyResponse(label, {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      bodyText: text,
    });
  }
  let json: unknown;
  try {
    json = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw unreadableSuccess(label, response.status, `invalid JSON: ${text.slice(0, 80)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw unreadableSuccess(label, response.status, describeIssue(parsed.error));
  return parsed.data;
}
