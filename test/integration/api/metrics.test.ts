import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import { createTestPool } from '../../helpers/database';
import { seedExceptionOrders, type ExceptionFixture } from '../../helpers/exception-orders';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';
import { startApi, TOKEN, type RunningApi } from './harness';

let env: TestWorkflowEnvironment;
let pool: Pool;
let api: RunningApi;
let fixture: ExceptionFixture;

beforeAll(async () => {
  [env, pool] = [await connectDevServer(), createTestPool()];
  api = await startApi({ pool, temporal: env.client, taskQueue: uniqueTaskQueue('api-metrics') });
  fixture = await seedExceptionOrders(pool, 'api-met');
});

afterAll(async () => {
  await api?.app.close();
  await pool?.end();
  await env?.teardown();
});

const scrape = async (token: string | null = TOKEN) =>
  fetch(`${api.baseUrl}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /metrics', () => {
  it('needs the token, as Prometheus is configured to send', async () => {
    expect((await scrape(null)).status).toBe(401);
  });

  it('counts orders by merchant and status, the oldest hold, open exceptions and API requests', async () => {
    await api.call('GET', `/exceptions?merchant=${fixture.merchantId}`);
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const merchant = `merchant="${fixture.merchantId}"`;
    expect(text).toContain('# TYPE epf_orders gauge');
    expect(text).toMatch(new RegExp(`^epf_orders\\{${merchant},status="on_hold"\\} [1-9]\\d*$`, 'm'));
    expect(text).toMatch(new RegExp(`^epf_oldest_hold_seconds\\{${merchant}\\} \\d+$`, 'm'));
    expect(text).toMatch(/^epf_exceptions\{kind="long_hold"\} [1-9]\d*$/m);
    expect(text).toMatch(/^epf_api_requests_total\{method="GET",route="\/exceptions",status="200"\} [1-9]\d*$/m);
  });
});
