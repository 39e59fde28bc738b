import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import { SecretBox } from '../../../src/crypto/secret-box';
import { createCartStore } from '../../../src/db/carts';
import { createMerchantStore } from '../../../src/db/merchants';
import { createTestPool, TEST_SECRET_KEY } from '../../helpers/database';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';
import { startApi, type RunningApi } from './harness';
import { pullScheduleId, shipmentPickupScheduleId } from '../../../workflows/definitions';

// The database is shared by the whole test run: every ID this file creates carries the run's suffix.
const run = Date.now().toString(36);
const merchantId = `onboard-${run}`;
const cartId = `onboard-shop-${run}`;
const KEY = `EZTK-onboard-${run}`;
const TOKEN = `shpat-onboard-${run}`;
let env: TestWorkflowEnvironment;
let pool: Pool;
let api: RunningApi;

beforeAll(async () => {
  [env, pool] = [await connectDevServer(), createTestPool()];
  api = await startApi({ pool, temporal: env.client, taskQueue: uniqueTaskQueue('api-onboard') });
});

afterAll(async () => {
  await api?.app.close();
  await pool?.end();
  await env?.teardown();
});

describe('onboarding over the API', () => {
  it('adds a merchant with its key sealed, never answered, and its pickups scheduled', async () => {
    const body = { id: merchantId, name: 'Onboarded', testKey: KEY, settings: { shipmentPickupSeconds: 120 } };
    const answer = await api.call('POST', '/merchants', { body });
    expect(answer.status).toBe(201);
    expect(answer.body.merchant).toMatchObject({ id: merchantId, mode: 'test', hasTestKey: true });
    expect(answer.body.merchant.settings.shipmentPickupSeconds).toBe(120);
    expect(answer.body.schedules.created).toEqual(expect.arrayContaining([shipmentPickupScheduleId(merchantId)]));
    expect(JSON.stringify(answer.body)).not.toContain(KEY);
    const box = new SecretBox(TEST_SECRET_KEY);
    expect((await createMerchantStore(pool, box).easyPostAccess(merchantId)).apiKey).toBe(KEY);

    const again = await api.call('POST', '/merchants', { body });
    expect(again).toEqual({ status: 409, body: { error: `merchant ${merchantId} already exists` } });
  });

  it('refuses a bad merchant naming the field, and a mode without its key', async () => {
    const badId = await api.call('POST', '/merchants', { body: { id: 'Not A Slug', name: 'x' } });
    expect(badId.status).toBe(400);
    expect(badId.body.issues.map((issue: { field: string }) => issue.field)).toEqual(['id']);
    const keyless = await api.call('POST', '/merchants', {
      body: { id: `${merchantId}-keyless`, name: 'No key', mode: 'production' },
    });
    expect(keyless.status).toBe(409);
    expect(keyless.body.error).toContain('no EasyPost production key');
    expect((await api.call('GET', `/merchants/${merchantId}-keyless`)).status).toBe(404);
  });

  it('adds a cart with its credentials sealed, never answered, and its pull scheduled', async () => {
    const credentials = { shopUrl: 'http://127.0.0.1:1/shops/none', accessToken: TOKEN, locationId: 'gid://x/1' };
    const body = {
      id: cartId,
      merchantId,
      type: 'shopify',
      name: 'Shop',
      credentials,
      settings: { orderPullSeconds: 3600 },
    };
    const answer = await api.call('POST', '/carts', { body });
    expect(answer.status).toBe(201);
    expect(answer.body.cart).toMatchObject({ id: cartId, merchantId, type: 'shopify' });
    expect(answer.body.schedules.created).toEqual(expect.arrayContaining([pullScheduleId(cartId)]));
    expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
    expect(await createCartStore(pool, new SecretBox(TEST_SECRET_KEY)).credentials(cartId)).toEqual(credentials);

    expect((await api.call('POST', '/carts', { body })).status).toBe(409);
  });

  it('adds a merchant and a cart once when the same one is posted several times at once', async () => {
    const racedMerchant = `${merchantId}-raced`;
    const merchants = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        api.call('POST', '/merchants', { body: { id: racedMerchant, name: `Raced ${n}`, testKey: `${KEY}-${n}` } }),
      ),
    );
    const merchantWinners = merchants.filter((answer) => answer.status === 201);
    expect(merchantWinners).toHaveLength(1);
    expect(merchants.filter((answer) => answer.status === 409)).toHaveLength(4);
    // The one answered 201 is what is stored: no later request overwrote its name or key.
    const winner = merchantWinners[0]!.body.merchant.name as string;
    expect((await api.call('GET', `/merchants/${racedMerchant}`)).body.name).toBe(winner);
    const box = new SecretBox(TEST_SECRET_KEY);
    expect((await createMerchantStore(pool, box).easyPostAccess(racedMerchant)).apiKey).toBe(
      `${KEY}-${winner.split(' ')[1]}`,
    );

    const racedCart = `${cartId}-raced`;
    const carts = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        api.call('POST', '/carts', {
          body: { id: racedCart, merchantId: racedMerchant, type: 'manual', name: `Raced cart ${n}` },
        }),
      ),
    );
    const cartWinners = carts.filter((answer) => answer.status === 201);
    expect(cartWinners).toHaveLength(1);
    expect(carts.filter((answer) => answer.status === 409)).toHaveLength(4);
    expect((await api.call('GET', `/carts/${racedCart}`)).body.name).toBe(cartWinners[0]!.body.cart.name);
  });

  it('refuses a cart of an unknown merchant or type', async () => {
    const orphan = await api.call('POST', '/carts', {
      body: { id: `${cartId}-orphan`, merchantId: `nobody-${run}`, type: 'manual', name: 'Orphan' },
    });
    expect(orphan).toEqual({ status: 404, body: { error: `merchant nobody-${run} does not exist` } });
    const badType = await api.call('POST', '/carts', {
      body: { id: `${cartId}-bad`, merchantId, type: 'magento', name: 'Bad' },
    });
    expect(badType.status).toBe(400);
    expect(badType.body.issues.map((issue: { field: string }) => issue.field)).toEqual(['type']);
  });
});
