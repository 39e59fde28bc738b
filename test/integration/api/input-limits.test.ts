import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import { createMerchantStore } from '../../../src/db/merchants';
import { createOrderIndex } from '../../../src/db/orders';
import { createTestPool } from '../../helpers/database';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';
import { startApi, type RunningApi } from './harness';
import { pullScheduleId } from '../../../workflows/definitions';

// Inputs that passed validation and then failed in PostgreSQL or Temporal as a 500, each found by test/fuzz/.
const merchantId = `limits-${Date.now().toString(36)}`;
let env: TestWorkflowEnvironment;
let pool: Pool;
let api: RunningApi;

beforeAll(async () => {
  [env, pool] = [await connectDevServer(), createTestPool()];
  await createMerchantStore(pool).upsert({ id: merchantId, name: 'Limits' });
  api = await startApi({ pool, temporal: env.client, taskQueue: uniqueTaskQueue('api-limits') });
});

afterAll(async () => {
  await api?.app.close();
  await pool?.end();
  await env?.teardown();
});

describe('API input PostgreSQL or Temporal cannot take', () => {
  it('refuses a NUL character naming the field, in a path, a query or a body', async () => {
    const nul = { field: 'merchantId', message: expect.stringContaining('NUL') };
    expect(await api.call('PUT', '/aliases/a%00/SKU', { body: { barcode: 'B' } })).toEqual({
      status: 400,
      body: { error: 'invalid path', issues: [nul] },
    });
    expect((await api.call('GET', '/orders?merchant=%00')).body.issues).toEqual([{ ...nul, field: 'merchant' }]);
    const body = { barcode: 'B\u0000' };
    expect((await api.call('PUT', `/aliases/${merchantId}/SKU`, { body })).body.issues).toEqual([
      { ...nul, field: 'barcode' },
    ]);
  });

  // The webhook looks orders up by the EasyPost order ID of a signed event, outside the API's routes.
  it('finds no order for a reference with a NUL instead of failing the query', async () => {
    await expect(createOrderIndex(pool).find(undefined, 'order_\u0000')).resolves.toEqual([]);
  });

  it('refuses bundle units beyond a PostgreSQL integer', async () => {
    const answer = await api.call('PUT', `/bundles/${merchantId}/KIT`, {
      body: { components: [{ barcode: 'B', units: 2 ** 31 }] },
    });
    expect(answer).toMatchObject({ status: 400, body: { issues: [{ field: 'components[0].units' }] } });
  });

  it('refuses a schedule note longer than Temporal keeps, and takes one at the limit', async () => {
    const id = pullScheduleId(`no-such-${merchantId}`);
    const long = await api.call('POST', `/schedules/${id}/pause`, { body: { note: 'é'.repeat(501) } });
    expect(long).toMatchObject({ status: 400, body: { issues: [{ field: 'note' }] } });
    expect((await api.call('POST', `/schedules/${id}/pause`, { body: { note: 'x'.repeat(1000) } })).status).toBe(404);
  });

  it('names an empty query key by the part it is in', async () => {
    expect((await api.call('GET', '/orders?=1')).body.issues).toEqual([
      { field: 'query', message: 'unknown query field ""' },
    ]);
  });
});
