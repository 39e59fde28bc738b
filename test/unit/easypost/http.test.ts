import { z } from 'zod';
import { buildUrl, request, type HttpConfig } from '../../../src/easypost/http';

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: URL, init: RequestInit) => {
    calls.push({ url: String(url), init });
    return respond();
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

const config = (fetch: typeof globalThis.fetch): HttpConfig => ({
  apiKey: 'EZTKsecret',
  baseUrl: 'https://api.example.test/fulfillment/vendor/v2/',
  timeoutMs: 1000,
  fetch,
});

describe('buildUrl', () => {
  it('resolves against the base, repeats bracketed arrays and drops undefined', () => {
    const url = buildUrl('https://h/fulfillment/vendor/v2/', 'inventories', {
      product_ids: ['prod_a', 'prod_b'],
      includes: [],
      page: 0,
      query: undefined,
    });
    expect(url.pathname).toBe('/fulfillment/vendor/v2/inventories');
    expect(url.searchParams.getAll('product_ids[]')).toEqual(['prod_a', 'prod_b']);
    expect([...url.searchParams.keys()]).toEqual(['product_ids[]', 'product_ids[]', 'page']);
  });
});

describe('request', () => {
  it('sends Basic auth with an empty password, JSON and Content-Length', async () => {
    const { calls, fetch } = fakeFetch(() => new Response('{"id":"x"}', { status: 201 }));
    await request(
      config(fetch),
      { method: 'POST', path: 'orders', body: { name: 'Zoë' } },
      z.object({ id: z.string() }),
    );
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(Buffer.from(headers.authorization!.replace('Basic ', ''), 'base64').toString()).toBe('EZTKsecret:');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['content-length']).toBe(String(Buffer.byteLength('{"name":"Zoë"}')));
    expect(calls[0]?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('passes an empty 2xx body to the schema as undefined', async () => {
    const { fetch } = fakeFetch(() => new Response('', { status: 200 }));
    const result = await request(config(fetch), { method: 'DELETE', path: 'orders/x' }, z.string().optional());
    expect(result).toBeUndefined();
  });

  it('classifies a 2xx that is not JSON or not the expected shape as transient', async () => {
    const garbled = fakeFetch(() => new Response('{"id":', { status: 201 }));
    await expect(
      request(config(garbled.fetch), { method: 'POST', path: 'orders' }, z.object({ id: z.string() })),
    ).rejects.toMatchObject({ kind: 'transient', ambiguous: true, code: 'RESPONSE.UNREADABLE' });
    const wrong = fakeFetch(() => new Response('{"id":1}', { status: 200 }));
    await expect(
      request(config(wrong.fetch), { method: 'GET', path: 'orders/x' }, z.object({ id: z.string() })),
    ).rejects.toMatchObject({ kind: 'transient', ambiguous: false, message: expect.stringContaining('id:') });
  });

  it('classifies error answers with their Retry-After', async () => {
    const { fetch } = fakeFetch(
      () => new Response('{"errors":{"code":"RATE_LIMITED"}}', { status: 429, headers: { 'retry-after': '2' } }),
    );
    await expect(request(config(fetch), { method: 'GET', path: 'orders' }, z.unknown())).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 2000,
    });
  });

  it('classifies a rejected fetch as transient', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
      });
    });
    await expect(request(config(fetch), { method: 'POST', path: 'orders' }, z.unknown())).rejects.toMatchObject({
      kind: 'transient',
      ambiguous: true,
      code: 'UND_ERR_SOCKET',
    });
  });
});
