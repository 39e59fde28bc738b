import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import { SecretBox } from '../../../src/crypto/secret-box';
import { createCartStore } from '../../../src/db/carts';
import { createInventoryStore } from '../../../src/db/inventory';
import { createMerchantStore } from '../../../src/db/merchants';
import { createMappingStore } from '../../../src/db/product-mapping';
import { createTestPool, TEST_SECRET_KEY } from '../../helpers/database';
import { pullScheduleId, shipmentPickupScheduleId, WorkflowType } from '../../../workflows/definitions';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';
import { startApi, type RunningApi } from './harness';

// The database is shared by the whole test run: every ID this file creates carries the run's suffix.
const run = Date.now().toString(36);
const merchantId = `api-${run}`;
const cartId = `api-shop-${run}`;
let env: TestWorkflowEnvironment;
let pool: Pool;
let api: RunningApi;

const everySeconds = async (scheduleId: string) =>
  Number((await env.client.schedule.getHandle(scheduleId).describe()).spec.intervals?.[0]?.every) / 1000;

beforeAll(async () => {
  [env, pool] = [await connectDevServer(), createTestPool()];
  await createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: merchantId,
    name: 'API merchant',
    testKey: `EZTK-api-${run}`,
  });
  await createMerchantStore(pool).upsert({ id: `${merchantId}-2`, name: 'Second' });
  await createCartStore(pool).upsert({
    id: cartId,
    merchantId,
    type: 'shopify',
    name: 'Shop',
    settings: { warehouseIds: ['wh_1'], orderPullSeconds: 3600 },
  });
  api = await startApi({ pool, temporal: env.client, taskQueue: uniqueTaskQueue('api-config') });
});

afterAll(async () => {
  await api?.app.close();
  await pool?.end();
  await env?.teardown();
});

describe('merchants', () => {
  it('shows a merchant with which keys are set, never the keys', async () => {
    const answer = await api.call('GET', `/merchants/${merchantId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: merchantId, mode: 'test', hasTestKey: true, hasProductionKey: false });
    expect(JSON.stringify(answer.body)).not.toContain('EZTK');
    expect((await api.call('GET', '/merchants/no-such-merchant')).status).toBe(404);
  });

  it('lists merchants a page at a time, by ID', async () => {
    const first = await api.call('GET', '/merchants?limit=1');
    expect(first.body).toEqual({ merchants: [expect.any(Object)], nextCursor: first.body.merchants[0].id });
    const next = await api.call('GET', `/merchants?limit=1&cursor=${merchantId}`);
    expect(next.body.merchants.map((merchant: { id: string }) => merchant.id)).toEqual([`${merchantId}-2`]);
  });

  it('changes only the settings given, audits them as api, and moves the schedule at once', async () => {
    const answer = await api.call('PATCH', `/merchants/${merchantId}`, {
      body: { settings: { shipmentPickupSeconds: 60, resendHour: 3 } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.changes).toEqual({
      before: { shipmentPickupSeconds: 300, resendHour: 1 },
      after: { shipmentPickupSeconds: 60, resendHour: 3 },
    });
    expect(answer.body.merchant.settings).toMatchObject({ shipmentPickupSeconds: 60, inventoryPickupSeconds: 900 });
    expect(await everySeconds(shipmentPickupScheduleId(merchantId))).toBe(60);
    const { rows } = await pool.query(
      "SELECT actor, detail FROM audit_log WHERE merchant_id = $1 AND action = 'merchant.settings'",
      [merchantId],
    );
    expect(rows).toEqual([{ actor: 'api', detail: answer.body.changes }]);

    const again = await api.call('PATCH', `/merchants/${merchantId}`, { body: { settings: { resendHour: 3 } } });
    expect(again.body).toMatchObject({ changes: { before: {}, after: {} }, schedules: { updated: [] } });
  });

  it('refuses production mode without a production key', async () => {
    const answer = await api.call('PATCH', `/merchants/${merchantId}`, { body: { mode: 'production' } });
    expect(answer).toEqual({ status: 409, body: { error: expect.stringContaining('no EasyPost production key') } });
    expect((await api.call('GET', `/merchants/${merchantId}`)).body.mode).toBe('test');
  });
});

describe('carts', () => {
  it('shows, lists and changes a cart, moving its pull schedule at once', async () => {
    const shown = await api.call('GET', `/carts/${cartId}`);
    expect(shown.body).toMatchObject({ id: cartId, merchantId, settings: { orderPullSeconds: 3600 } });
    expect(Object.keys(shown.body).sort()).toEqual(['id', 'merchantId', 'name', 'settings', 'type']);
    const listed = await api.call('GET', `/carts?merchant=${merchantId}`);
    expect(listed.body.carts.map((cart: { id: string }) => cart.id)).toEqual([cartId]);

    const changed = await api.call('PATCH', `/carts/${cartId}`, {
      body: { name: 'Shop EU', settings: { orderPullSeconds: 120 } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.changes.after).toEqual({ name: 'Shop EU', orderPullSeconds: 120 });
    expect(changed.body.cart.settings.warehouseIds).toEqual(['wh_1']);
    expect(await everySeconds(pullScheduleId(cartId))).toBe(120);
    expect((await api.call('PATCH', '/carts/no-such-cart', { body: {} })).status).toBe(404);
  });

  it('takes a Shopify API version YYYY-MM in a release month, and names the field when it is not one', async () => {
    const changed = await api.call('PATCH', `/carts/${cartId}`, { body: { settings: { apiVersion: '2026-07' } } });
    expect(changed.body.changes.after).toEqual({ apiVersion: '2026-07' });
    const refused = await api.call('PATCH', `/carts/${cartId}`, { body: { settings: { apiVersion: '2026-02' } } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/apiVersion.*must be a Shopify API version YYYY-MM/);
  });
});

describe('mapping', () => {
  it('sets aliases, bundles and ship methods of a merchant that exists', async () => {
    const alias = await api.call('PUT', `/aliases/${merchantId}/TEE-M`, { body: { barcode: '0123456789012' } });
    expect(alias.status).toBe(200);
    const bundle = await api.call('PUT', `/bundles/${merchantId}/PACK`, {
      body: { components: [{ barcode: '0123456789012', units: 3 }] },
    });
    expect(bundle.status).toBe(200);
    const method = await api.call('PUT', `/ship-methods/${merchantId}/Express`, { body: { service: 'express' } });
    expect(method.status).toBe(200);
    const mappings = createMappingStore(pool);
    expect(await mappings.productMapping(merchantId)).toEqual({
      aliases: { 'TEE-M': '0123456789012' },
      bundles: { PACK: [{ barcode: '0123456789012', units: 3 }] },
    });
    expect(await mappings.shipMethodRules(merchantId)).toEqual({ express: 'express' });
    const unknown = await api.call('PUT', '/aliases/no-such-merchant/X', { body: { barcode: '1' } });
    expect(unknown.status).toBe(404);
  });
});

describe('schedules', () => {
  it('lists, pauses, resumes and triggers a schedule', async () => {
    const id = pullScheduleId(cartId);
    const path = `/schedules/${encodeURIComponent(id)}`;
    expect(await api.call('POST', `${path}/pause`, { body: { note: 'cart down' } })).toEqual({
      status: 202,
      body: { id, done: 'pause' },
    });
    const described = await env.client.schedule.getHandle(id).describe();
    expect(described.state).toMatchObject({ paused: true, note: 'cart down' });
    expect((await api.call('POST', `${path}/resume`)).status).toBe(202);
    expect((await env.client.schedule.getHandle(id).describe()).state.paused).toBe(false);
    expect((await api.call('POST', `${path}/trigger`)).status).toBe(202);
    expect((await api.call('POST', '/schedules/no-such-schedule/trigger')).status).toBe(404);

    const listed = await api.call('GET', '/schedules?limit=1000');
    expect(listed.status).toBe(200);
    expect(listed.body.schedules).toEqual(
      expect.arrayContaining([expect.objectContaining({ id, paused: false, workflow: WorkflowType.pullOrders })]),
    );
  });
});

describe('inventory', () => {
  it('shows the latest snapshot and what a cart should show', async () => {
    expect((await api.call('GET', `/inventory/${merchantId}`)).status).toBe(404);
    const stock = createInventoryStore(pool);
    await stock.upsertWarehouses(merchantId, [{ id: 'wh_1', name: 'El Monte', shortName: 'ELM' }]);
    const { snapshotId } = await stock.saveSnapshotIfChanged(merchantId, [
      { barcode: '0123456789012', warehouseId: 'wh_1', quantity: 7 },
    ]);

    const latest = await api.call('GET', `/inventory/${merchantId}`);
    expect(latest.status).toBe(200);
    expect(latest.body.snapshot).toMatchObject({ id: snapshotId, levels: [{ barcode: '0123456789012', quantity: 7 }] });
    expect(latest.body.warehouses).toEqual([expect.objectContaining({ id: 'wh_1', shortName: 'ELM' })]);

    const cart = await api.call('GET', `/inventory/${merchantId}/carts/${cartId}`);
    expect(cart.status).toBe(200);
    // TEE-M is an alias of the barcode (mapping test above); PACK a bundle of three.
    expect(cart.body).toMatchObject({ cartId, snapshotId });
    expect(cart.body.levels).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: 'TEE-M', now: 7 }),
        expect.objectContaining({ sku: 'PACK', now: 2 }),
      ]),
    );
    expect((await api.call('GET', `/inventory/${merchantId}/carts/no-such-cart`)).status).toBe(404);
  });
});
