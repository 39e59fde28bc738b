import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { buildApi } from '../../../src/api/app';
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
async function startApi(codecAuth: 'token' | 'loopback' = 'token'): Promise<string> {
  const app = buildApi({
    pool,
    temporal: env.client,
    apiToken: TOKEN,
    taskQueue: uniqueTaskQueue('api-codec'),
    codecCorsOrigins: [UI],
    codecAuth,
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
