import { NotSentError } from '../../../src/net/not-sent';
import {
  classifyNetworkError,
  classifyResponse,
  parseRetryAfter,
  unreadableSuccess,
} from '../../../src/easypost/classify';
import { OrderFailure } from '../../../src/domain/failure-types';

const post = { method: 'POST', path: 'orders' } as const;
const get = { method: 'GET', path: 'orders' } as const;
const body = (errors: unknown) => JSON.stringify({ errors });

describe('classifyResponse', () => {
  it.each([
    [
      422,
      'ORDER.LINE_ITEMS.INSUFFICIENT_INVENTORY',
      'insufficient_inventory',
      false,
      OrderFailure.EasyPostInsufficientInventory,
    ],
    [422, 'ORDER.DESTINATION.INVALID', 'invalid_data', false, OrderFailure.EasyPostInvalidData],
    [422, 'ORDER.LINE_ITEMS.PRODUCT_NOT_FOUND', 'invalid_data', false, OrderFailure.EasyPostInvalidData],
    [422, 'ORDER.SERVICE.INVALID', 'invalid_data', false, OrderFailure.EasyPostInvalidData],
    [422, 'ORDER.STATUS.NOT_CANCELLABLE', 'cancel_refused', false, OrderFailure.EasyPostCancelRefused],
    [400, 'REQUEST.BODY.INVALID', 'invalid_data', false, OrderFailure.EasyPostInvalidData],
    [401, 'APIKEY.INVALID', 'auth', false, OrderFailure.EasyPostAuth],
    [403, 'APIKEY.FORBIDDEN', 'auth', false, OrderFailure.EasyPostAuth],
    [404, 'NOT_FOUND', 'not_found', false, OrderFailure.EasyPostNotFound],
    [429, 'RATE_LIMITED', 'rate_limited', true, OrderFailure.EasyPostRateLimited],
    [500, 'INTERNAL_SERVER_ERROR', 'transient', true, OrderFailure.EasyPostTransient],
    [503, 'SERVICE_UNAVAILABLE', 'transient', true, OrderFailure.EasyPostTransient],
  ])('%i %s is %s', (status, code, kind, retryable, failureType) => {
    const error = classifyResponse(post, { status, retryAfter: null, bodyText: body({ code, message: 'm' }) });
    expect(error).toMatchObject({ name: 'EasyPostError', kind, retryable, failureType, status, code });
  });

  it('names the field in a one-line message', () => {
    const error = classifyResponse(post, {
      status: 422,
      retryAfter: null,
      bodyText: body({ code: 'ORDER.DESTINATION.INVALID', message: 'zip is\nrequired', field: 'destination.zip' }),
    });
    expect(error.field).toBe('destination.zip');
    expect(error.message).toBe('POST orders failed: 422 ORDER.DESTINATION.INVALID at destination.zip: zip is required');
  });

  it('names the field once when the message already starts with it', () => {
    const error = classifyResponse(post, {
      status: 422,
      retryAfter: null,
      bodyText: body({
        code: 'ORDER.LINE_ITEMS.PRODUCT_NOT_FOUND',
        message: 'line_items[0].product.barcode: no product X',
        field: 'line_items[0].product.barcode',
      }),
    });
    expect(error.message).toBe(
      'POST orders failed: 422 ORDER.LINE_ITEMS.PRODUCT_NOT_FOUND: line_items[0].product.barcode: no product X',
    );
  });

  it('reads the older `error` wrapper and takes the field from nested errors', () => {
    const error = classifyResponse(post, {
      status: 422,
      retryAfter: null,
      bodyText: JSON.stringify({
        error: { code: 'ORDER.INVALID', message: 'bad', errors: [{ code: 'ORDER.SERVICE.INVALID', field: 'service' }] },
      }),
    });
    expect(error).toMatchObject({ kind: 'invalid_data', code: 'ORDER.INVALID', field: 'service' });
  });

  it('lets the nested codes decide: short stock alone is insufficient inventory, with bad data it is invalid data', () => {
    const short = { code: 'ORDER.LINE_ITEMS.INSUFFICIENT_INVENTORY', field: 'line_items[0].units' };
    const only = classifyResponse(post, {
      status: 422,
      retryAfter: null,
      bodyText: body({ code: 'ORDER.INVALID', errors: [short, short] }),
    });
    const mixed = classifyResponse(post, {
      status: 422,
      retryAfter: null,
      bodyText: body({ ...short, errors: [short, { code: 'ORDER.DESTINATION.INVALID', field: 'destination.zip' }] }),
    });
    expect(only.kind).toBe('insufficient_inventory');
    expect(mixed.kind).toBe('invalid_data');
  });

  it('uses the raw text of a non-JSON error body', () => {
    const error = classifyResponse(get, { status: 502, retryAfter: null, bodyText: '<html>Bad gateway</html>' });
    expect(error).toMatchObject({ kind: 'transient', retryable: true, ambiguous: false, code: undefined });
    expect(error.message).toBe('GET orders failed: 502: <html>Bad gateway</html>');
  });

  it('marks a 5xx on POST as ambiguous, and a 4xx never', () => {
    expect(classifyResponse(post, { status: 500, retryAfter: null, bodyText: '' }).ambiguous).toBe(true);
    expect(classifyResponse(post, { status: 429, retryAfter: '1', bodyText: '' }).ambiguous).toBe(false);
    expect(classifyResponse(post, { status: 422, retryAfter: null, bodyText: '' }).ambiguous).toBe(false);
  });

  it('carries Retry-After on 429 and 503', () => {
    expect(classifyResponse(get, { status: 429, retryAfter: '3', bodyText: '' }).retryAfterMs).toBe(3000);
    expect(classifyResponse(get, { status: 503, retryAfter: '1', bodyText: '' }).retryAfterMs).toBe(1000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:05 GMT', now)).toBe(5000);
  });
  it('never goes negative and ignores nonsense', () => {
    expect(parseRetryAfter('Sun, 31 Dec 2023 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
  });
});

describe('classifyNetworkError', () => {
  const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  const socket = (code: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });

  it('a timeout is transient, and ambiguous only for a POST', () => {
    expect(classifyNetworkError(post, timeout, 1500)).toMatchObject({
      kind: 'transient',
      retryable: true,
      ambiguous: true,
      code: 'TIMEOUT',
      message: 'POST orders failed: no answer within 1500 ms',
    });
    expect(classifyNetworkError(get, timeout, 1500).ambiguous).toBe(false);
  });

  it('a reset may have committed, a refused connection cannot have', () => {
    expect(classifyNetworkError(post, socket('UND_ERR_SOCKET'), 1).ambiguous).toBe(true);
    expect(classifyNetworkError(post, socket('ECONNRESET'), 1).ambiguous).toBe(true);
    expect(classifyNetworkError(post, socket('ECONNREFUSED'), 1)).toMatchObject({ ambiguous: false, retryable: true });
  });

  it('a create the attempt refused to send (too little time left) cannot have committed, and says why', () => {
    const refused = new NotSentError('not sent: 9000 ms left in this attempt, a POST may take 20000 ms');
    expect(classifyNetworkError(post, refused, 20_000)).toMatchObject({
      ambiguous: false,
      retryable: true,
      message: 'POST orders failed: not sent: 9000 ms left in this attempt, a POST may take 20000 ms',
    });
  });

  // Found by test/fuzz/easypost.fuzz.test.ts: String() of a prototype-less rejection threw a TypeError.
  it('describes a rejection that cannot be turned into a string', () => {
    expect(classifyNetworkError(post, Object.create(null), 1)).toMatchObject({
      kind: 'transient',
      message: 'POST orders failed: connection failed (unknown error)',
    });
  });
});

describe('unreadableSuccess', () => {
  it('is transient and ambiguous on POST', () => {
    expect(unreadableSuccess(post, 201, 'invalid JSON: {"id"')).toMatchObject({
      kind: 'transient',
      ambiguous: true,
      code: 'RESPONSE.UNREADABLE',
      failureType: OrderFailure.EasyPostTransient,
    });
  });
});
