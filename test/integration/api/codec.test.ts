import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { buildApi, type ApiDeps } from '../../../src/api/app';
import { createTestPool } from '../../helpers/database';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';

const TOKEN = 'test-token-'.padEnd(40, 'x');
const UI = 'http://127.0.0.1:8233';
let env: TestWorkflowEnvironment;
let pool: Pool;
let apps: FastifyInstance[] = [];

beforeAll(async () => {
  [env, pool] = [await connectDevServer(), createTestPool()];
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await pool?.end();
  await env?.teardown();
});

/** An API on an ephemeral port, its client (and so its codec) the tests' own. */
async function startApi(codecAuth: ApiDeps['codecAuth'] = 'token', codecSessionSeconds?: number): Promise<string> {
  const app = buildApi({
    pool,
    temporal: env.client,
    apiToken: TOKEN,
    taskQueue: uniqueTaskQueue('api-codec'),
    codecCorsOrigins: [UI],
    codecAuth,
    codecSessionSeconds,
  });
  apps = [...apps, app];
  return app.listen({ host: '127.0.0.1', port: 0 });
}

const b64 = (text: string) => Buffer.from(text).toString('base64');
const plain = { metadata: { encoding: b64('json/plain') }, data: b64('{"street1":"417 Montgomery St"}') };

async function post(baseUrl: string, action: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/codec/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: UI, 'x-namespace': 'default', ...headers },
    body: JSON.stringify(body),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}
const withToken = { authorization: `Bearer ${TOKEN}` };

describe('the codec endpoint', () => {
  it('encrypts and decrypts payloads with the bearer token, round trip', async () => {
    const api = await startApi();
    const encoded = await post(api, 'encode', { payloads: [plain] }, withToken);
    expect(encoded.status).toBe(200);
    const [sealed] = encoded.body.payloads;
    expect(Buffer.from(sealed.metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(sealed.data, 'base64').toString()).not.toContain('Montgomery');
    const decoded = await post(api, 'decode', { payloads: [sealed] }, withToken);
    expect(decoded).toMatchObject({ status: 200, body: { payloads: [plain] } });
    expect(decoded.headers.get('access-control-allow-origin')).toBe(UI);
  });

  it('answers 401 without the token, with CORS headers so the Web UI can tell', async () => {
    const api = await startApi();
    const refused = await post(api, 'decode', { payloads: [plain] });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(UI);
    expect((await post(api, 'decode', { payloads: [plain] }, { authorization: 'Bearer wrong' })).status).toBe(401);
  });

  it('answers the CORS preflight of an allowed origin without the token, and refuses others', async () => {
    const api = await startApi();
    const preflight = (origin: string) =>
      fetch(`${api}/codec/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-namespace,authorization',
        },
      });
    const allowed = await preflight(UI);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(UI);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization.*content-type.*x-namespace/i);
    const other = await preflight('https://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('names the key of a payload it cannot decrypt, and refuses a body that is not payloads', async () => {
    const api = await startApi();
    const unknownKey = {
      metadata: { encoding: b64('binary/encrypted'), 'encryption-key-id': b64('retired-2024') },
      data: b64('x'.repeat(40)),
    };
    const failed = await post(api, 'decode', { payloads: [unknownKey] }, withToken);
    expect(failed.status).toBe(422);
    expect(failed.body.error).toContain('"retired-2024"');
    expect((await post(api, 'decode', { payloads: [{ data: 'not base64!' }] }, withToken)).status).toBe(400);
  });

  it('with CODEC_AUTH=loopback, needs no token from this machine (the local Web UI)', async () => {
    const api = await startApi('loopback');
    expect((await post(api, 'decode', { payloads: [plain] })).status).toBe(200);
  });
});

/** The session cookie (`name=value`) a `POST /codec/session` set, and all its attributes. */
async function signIn(api: string, body: string, contentType = 'application/json') {
  const response = await fetch(`${api}/codec/session`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
    redirect: 'manual',
  });
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { status: response.status, response, setCookie, cookie: setCookie.split(';')[0]! };
}

describe('the codec endpoint with CODEC_AUTH=cookie (the Web UI in docker compose)', () => {
  it('refuses a call without the cookie, and a session for a wrong token', async () => {
    const api = await startApi('cookie');
    const refused = await post(api, 'decode', { payloads: [plain] });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-credentials')).toBe('true');
    const wrong = await signIn(api, JSON.stringify({ token: 'wrong' }));
    expect(wrong).toMatchObject({ status: 401, setCookie: '' });
    const missing = await signIn(api, JSON.stringify({}));
    expect(missing.status).toBe(400);
    expect(await missing.response.json()).toMatchObject({ issues: [{ field: 'token' }] });
  });

  it('trades the token for a signed HttpOnly cookie the Web UI’s calls then carry, CORS with credentials', async () => {
    const api = await startApi('cookie');
    const session = await signIn(api, JSON.stringify({ token: TOKEN }));
    expect(session.status).toBe(200);
    expect(session.setCookie).toMatch(
      /^epf_codec_session=[^;]+; Max-Age=43200; Path=\/codec; HttpOnly; SameSite=Strict$/,
    );
    expect(session.setCookie).not.toContain(TOKEN);
    const { expiresAt } = (await session.response.json()) as { expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(43_000_000);

    const sealed = (await post(api, 'encode', { payloads: [plain] }, { cookie: session.cookie })).body.payloads[0];
    const decoded = await post(api, 'decode', { payloads: [sealed] }, { cookie: session.cookie });
    expect(decoded).toMatchObject({ status: 200, body: { payloads: [plain] } });
    expect(decoded.headers.get('access-control-allow-origin')).toBe(UI);
    expect(decoded.headers.get('access-control-allow-credentials')).toBe('true');
    // The bearer token still works, as for the CLI.
    expect((await post(api, 'decode', { payloads: [sealed] }, withToken)).status).toBe(200);
  });

  it('takes the cookie only from an allowed origin: other pages of the same site get it sent too', async () => {
    const api = await startApi('cookie');
    const { cookie } = await signIn(api, JSON.stringify({ token: TOKEN }));
    const elsewhere = await post(api, 'decode', { payloads: [plain] }, { cookie, origin: 'http://127.0.0.1:9999' });
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    const noOrigin = await fetch(`${api}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ payloads: [plain] }),
    });
    expect(noOrigin.status).toBe(401);
  });

  it('refuses a tampered cookie and an expired one', async () => {
    const api = await startApi('cookie', 1);
    const { cookie } = await signIn(api, JSON.stringify({ token: TOKEN }));
    const [name, value] = cookie.split('=') as [string, string];
    const [expires, nonce, signature] = value.split('.') as [string, string, string];
    const extended = `${name}=${Number(expires) + 86_400_000}.${nonce}.${signature}`;
    expect((await post(api, 'decode', { payloads: [plain] }, { cookie: extended })).status).toBe(401);
    expect((await post(api, 'decode', { payloads: [plain] }, { cookie })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await post(api, 'decode', { payloads: [plain] }, { cookie })).status).toBe(401);
  });

  it('answers the preflight of an allowed origin with allow-credentials and the exact origin', async () => {
    const api = await startApi('cookie');
    const preflight = await fetch(`${api}/codec/decode`, {
      method: 'OPTIONS',
      headers: {
        origin: UI,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(UI);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
  });

  it('serves the sign-in page, takes its form, shows the session, and signs out', async () => {
    const api = await startApi('cookie');
    const page = await fetch(`${api}/codec/session`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toMatch(/<form method="post">[\s\S]*name="token" type="password"/);

    const form = 'application/x-www-form-urlencoded';
    const wrong = await signIn(api, new URLSearchParams({ token: 'wrong' }).toString(), form);
    expect(wrong.status).toBe(401);
    expect(await wrong.response.text()).toContain('That is not the API token.');
    const session = await signIn(api, new URLSearchParams({ token: TOKEN }).toString(), form);
    expect(session.status).toBe(303);
    expect(session.response.headers.get('location')).toBe('/codec/session');
    const signedIn = await (await fetch(`${api}/codec/session`, { headers: { cookie: session.cookie } })).text();
    expect(signedIn).toMatch(
      /until <time>[^<]+<\/time>: the Temporal Web UI at\s+<a href="http:\/\/127\.0\.0\.1:8233">/,
    );

    const signOut = await fetch(`${api}/codec/session`, { method: 'DELETE', headers: { cookie: session.cookie } });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('set-cookie')).toMatch(/^epf_codec_session=; Max-Age=0; Path=\/codec;/);
  });

  it('marks the cookie Secure when a TLS proxy forwards the call', async () => {
    const api = await startApi('cookie');
    const response = await fetch(`${api}/codec/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ token: TOKEN }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('lists /codec/session in the OpenAPI document without the bearer token', async () => {
    const api = await startApi('cookie');
    const document = (await (await fetch(`${api}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const session = document.paths['/codec/session']!;
    expect(Object.keys(session).sort()).toEqual(['delete', 'get', 'post']);
    for (const operation of Object.values(session)) expect(operation.security).toEqual([]);
  });

  it('has no session page in the other modes', async () => {
    const api = await startApi('token');
    expect((await fetch(`${api}/codec/session`, { headers: withToken })).status).toBe(404);
  });
});
