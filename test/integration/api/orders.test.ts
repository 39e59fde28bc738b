import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { buildApi } from '../../../src/api/app';
import { createTestPool } from '../../helpers/database';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';

const TOKEN = 'test-token-'.padEnd(40, 'x');
let env: TestWorkflowEnvironment;
let pool: Pool;
let app: FastifyInstance;
let baseUrl: string;

beforeAll(async () => {
  [env, pool] = [await connectDevServer(), createTestPool()];
  app = buildApi({ pool, temporal: env.client, apiToken: TOKEN, taskQueue: uniqueTaskQueue('api-orders') });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  await pool?.end();
  await env?.teardown();
});

// Over real HTTP (fastify's inject needs an ESM-only package Jest cannot load on Node 20).
async function get(url: string, token: string | null = TOKEN) {
  const response = await fetch(`${baseUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  // Responses are read loosely; the assertions do the checking.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body: any = await response.json();
  return { statusCode: response.status, json: () => body };
}

describe('the admin API', () => {
  it('answers /healthz without a token', async () => {
    const response = await get('/healthz', null);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok', temporal: 'ok' });
  });

  it.each([null, 'wrong-token', `${TOKEN}x`])('refuses /orders with token %s', async (token) => {
    const response = await get('/orders', token);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: 'missing or invalid bearer token' });
  });

  it('lists orders and skipped orders with a token', async () => {
    const orders = await get('/orders?status=on_hold&limit=5');
    expect(orders.statusCode).toBe(200);
    expect(Array.isArray(orders.json().orders)).toBe(true);
    const skipped = await get('/orders/skipped?limit=5');
    expect(skipped.statusCode).toBe(200);
    expect(Array.isArray(skipped.json().skipped)).toBe(true);
  });

  it('names each bad query parameter', async () => {
    const response = await get('/orders?status=lost&limit=0&colour=red');
    expect(response.statusCode).toBe(400);
    const fields = response.json().issues.map((issue: { field: string }) => issue.field);
    expect(fields).toEqual(expect.arrayContaining(['status', 'limit', 'colour']));
  });
});
