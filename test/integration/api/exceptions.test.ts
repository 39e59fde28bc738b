import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import type { Exception } from '../../../src/domain/exceptions';
import { createTestPool } from '../../helpers/database';
import { seedExceptionOrders, type ExceptionFixture } from '../../helpers/exception-orders';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';
import { startApi, type RunningApi } from './harness';

let env: TestWorkflowEnvironment;
let pool: Pool;
let api: RunningApi;
let fixture: ExceptionFixture;

beforeAll(async () => {
  [env, pool] = [await connectDevServer(), createTestPool()];
  api = await startApi({ pool, temporal: env.client, taskQueue: uniqueTaskQueue('api-exceptions') });
  fixture = await seedExceptionOrders(pool, 'api-exc');
});

afterAll(async () => {
  await api?.app.close();
  await pool?.end();
  await env?.teardown();
});

describe('GET /exceptions', () => {
  it('lists what needs a person, as epf exceptions --json', async () => {
    const { status, body } = await api.call('GET', `/exceptions?merchant=${fixture.merchantId}`);
    expect(status).toBe(200);
    const found: Exception[] = body.exceptions;
    expect(found.map((e) => [e.order?.cartOrderNumber, e.kind])).toEqual(
      expect.arrayContaining([
        ['E1', 'unknown_sku'],
        ['H1', 'long_hold'],
        ['C1', 'cancel_failed'],
        ['S1', 'tracking_push_failed'],
      ]),
    );
    expect(found).toHaveLength(4);
    expect(found.find((e) => e.kind === 'long_hold')?.fix).toBe(
      `epf orders retry H1 --cart ${fixture.cartId}, or epf orders cancel H1 --cart ${fixture.cartId} --reason "..."`,
    );
  });

  it('takes the thresholds as query parameters', async () => {
    const { status, body } = await api.call('GET', `/exceptions?merchant=${fixture.merchantId}&holdDays=10`);
    expect(status).toBe(200);
    expect(body.exceptions.map((e: Exception) => e.kind)).not.toContain('long_hold');
  });

  it('refuses a caller without the token', async () => {
    const { status, body } = await api.call('GET', '/exceptions', { token: null });
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'missing or invalid bearer token' });
  });

  it('names each bad query parameter (400), and answers 404 for an unknown merchant', async () => {
    const bad = await api.call('GET', '/exceptions?holdDays=0&stuckHours=soon&colour=red');
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue: { field: string }) => issue.field).sort()).toEqual([
      'colour',
      'holdDays',
      'stuckHours',
    ]);
    const unknown = await api.call('GET', '/exceptions?merchant=no-such-merchant');
    expect(unknown).toEqual({ status: 404, body: { error: 'merchant no-such-merchant does not exist' } });
  });
});
