import { NOT_SENT_CODE } from '../net/not-sent';
import { EasyPostError, type EasyPostErrorKind } from './errors';
import { errorBodySchema, type ErrorDetail } from './schemas';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Which call failed; `path` is relative to the base URL and carries no query (nor ever the key). */
export interface RequestLabel {
  method: HttpMethod;
  path: string;
}

export interface FailedResponse {
  status: number;
  retryAfter: string | null;
  bodyText: string;
}

// Errors raised before a byte of the request left the machine: nothing can have been committed.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  NOT_SENT_CODE,
]);
const MAX_MESSAGE_CHARS = 200;

// A GET commits nothing; any other method may have been applied when its answer is lost.
const mayCommit = (request: RequestLabel): boolean => request.method !== 'GET';

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE_CHARS ? `${flat.slice(0, MAX_MESSAGE_CHARS)}…` : flat;
}

function parseErrorDetail(bodyText: string): ErrorDetail {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(bodyText));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

// The detail codes decide (a bad address next to a short line is still bad data); the top code when there are none.
function kindFor422(detail: ErrorDetail): EasyPostErrorKind {
  const nested = (detail?.errors ?? []).map((item) => item.code ?? '');
  const codes = nested.length > 0 ? nested : [detail?.code ?? ''];
  if (codes.some((code) => code.endsWith('NOT_CANCELLABLE'))) return 'cancel_refused';
  if (codes.every((code) => code.endsWith('INSUFFICIENT_INVENTORY'))) return 'insufficient_inventory';
  return 'invalid_data';
}

function kindForStatus(status: number, detail: ErrorDetail): EasyPostErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'transient';
  if (status === 422) return kindFor422(detail);
  return 'invalid_data';
}

/** Turns a non-2xx answer into a named failure; the message is one line naming status, code and field. */
export function classifyResponse(request: RequestLabel, response: FailedResponse, now = Date.now()): EasyPostError {
  const detail = parseErrorDetail(response.bodyText);
  const kind = kindForStatus(response.status, detail);
  const code = detail?.code ?? undefined;
  const field = detail?.field ?? detail?.errors?.find((item) => item.field)?.field ?? undefined;
  const reason = oneLine(detail?.message ?? response.bodyText) || 'no message';
  // Some messages already start with the field ("line_items[0].units: must be positive"): name it once.
  const where = field === undefined || reason.startsWith(field) ? '' : ` at ${field}`;
  return new EasyPostError({
    kind,
    message: `${request.method} ${request.path} failed: ${response.status}${code ? ` ${code}` : ''}${where}: ${reason}`,
    status: response.status,
    code,
    field,
    retryAfterMs: parseRetryAfter(response.retryAfter, now),
    ambiguous: kind === 'transient' && mayCommit(request),
  });
}

// Duck-typed, not `instanceof`: fetch's errors may come from another realm (DOMException, Jest's VM context).
function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

// String() throws for an object without a prototype or with a throwing toString: describing must not fail.
function describe(error: unknown): string {
  try {
    return String(property(error, 'message') ?? error);
  } catch {
    return 'unknown error';
  }
}

/** Turns a rejected fetch (timeout, reset, refused...) into a transient failure. */
export function classifyNetworkError(request: RequestLabel, error: unknown, timeoutMs: number): EasyPostError {
  const timedOut = property(error, 'name') === 'TimeoutError';
  const causeCode = property(property(error, 'cause'), 'code');
  const code = timedOut ? 'TIMEOUT' : typeof causeCode === 'string' ? causeCode : undefined;
  const sent = code === undefined || !NOT_SENT_CODES.has(code);
  const what = timedOut
    ? `no answer within ${timeoutMs} ms`
    : code === NOT_SENT_CODE
      ? describe(error)
      : `connection failed (${code ?? describe(error)})`;
  return new EasyPostError({
    kind: 'transient',
    message: `${request.method} ${request.path} failed: ${what}`,
    code,
    ambiguous: sent && mayCommit(request),
    cause: error,
  });
}

/** A 2xx whose body is not the JSON we expect: the call may have worked, so it is transient and possibly committed. */
export function unreadableSuccess(request: RequestLabel, status: number, problem: string): EasyPostError {
  return new EasyPostError({
    kind: 'transient',
    message: `${request.method} ${request.path} answered ${status} with an unreadable body: ${oneLine(problem)}`,
    status,
    code: 'RESPONSE.UNREADABLE',
    ambiguous: mayCommit(request),
  });
}
