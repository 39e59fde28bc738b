import type { Pool } from 'pg';
import { z } from 'zod';
import { createApiNoticeRecorder } from '../../../../src/carts/api-notice-recorder';
import { createCartAdapters } from '../../../../src/carts/registry';
import type { ShopifyApiNotice } from '../../../../src/carts/shopify/api-notice';
import { createGraphqlClient } from '../../../../src/carts/shopify/graphql-client';
import { SecretBox } from '../../../../src/crypto/secret-box';
import { createCartApiNoticeStore } from '../../../../src/db/cart-api-notices';
import { createCartStore } from '../../../../src/db/carts';
import { createMerchantStore } from '../../../../src/db/merchants';
import { findExceptions } from '../../../../src/exceptions/find-exceptions';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../../src/simulators/shopify';
import { createTestPool, TEST_SECRET_KEY } from '../../../helpers/database';

describe('Shopify API version notices', () => {
  let sim: RunningShopifySimulator;
  let pool: Pool;

  beforeAll(async () => {
    [sim, pool] = [await startShopifySimulator(), createTestPool()];
  });
  afterAll(async () => {
    await sim.close();
    await pool.end();
  });

  it('tells of an expired version served by a newer one and of deprecated fields a document used', async () => {
    const shop = sim.control.createShop({ id: 'notices' });
    const notices: ShopifyApiNotice[] = [];
    const client = (apiVersion: string) =>
      createGraphqlClient({
        credentials: { shopUrl: shop.shop_url, accessToken: shop.access_token, locationId: shop.location_id },
        apiVersion,
        onApiNotice: (notice) => notices.push(notice),
      });
    const location = { name: 'Location', query: 'query Location { location { id } }' };
    const anything = z.unknown();
    await client('2026-10').request(location, {}, anything);
    expect(notices).toEqual([]);

    await client('2025-10').request(location, {}, anything);
    expect(notices).toEqual([{ operation: 'Location', requestedVersion: '2025-10', servedVersion: '2026-01' }]);

    const [item] = sim.control.addInventoryItems({ shop: shop.shop_id, skus: ['A'] });
    const legacy = {
      name: 'LegacySet',
      query: `mutation LegacySet { inventorySetQuantities(input: { name: "available", reason: "correction",
        ignoreCompareQuantity: true, quantities: [{ inventoryItemId: "${item!.inventory_item_id}",
        locationId: "${shop.location_id}", quantity: 1 }] }) { userErrors { message } } }`,
    };
    await client('2026-01').request(legacy, {}, anything);
    expect(notices[1]).toEqual({
      operation: 'LegacySet',
      requestedVersion: '2026-01',
      deprecatedReason: 'InventorySetQuantitiesInput.ignoreCompareQuantity',
    });
  });

  it('warns once, shows a cart_api_deprecated exception, and clears it when the cart asks for a supported version', async () => {
    const merchantId = `notices-${Date.now().toString(36)}`;
    await createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({
      id: merchantId,
      name: 'Notices',
      testKey: 'EZTK-test',
    });
    const shop = sim.control.createShop({ id: merchantId });
    const carts = createCartStore(pool, new SecretBox(TEST_SECRET_KEY));
    const shopCartId = `${merchantId}-shop`;
    await carts.upsert({
      id: shopCartId,
      merchantId,
      type: 'shopify',
      name: 'Shopify',
      credentials: { shopUrl: shop.shop_url, accessToken: shop.access_token, locationId: shop.location_id },
      settings: { apiVersion: '2025-07' },
    });
    const warnings: string[] = [];
    const recorder = createApiNoticeRecorder({
      store: createCartApiNoticeStore(pool),
      log: { warn: (_fields: object, message: string) => warnings.push(message), error: () => undefined } as never,
    });
    const { adapterFor } = createCartAdapters({ pool, carts, onApiNotice: recorder.record });

    const adapter = await adapterFor(shopCartId);
    await adapter.listOrders(undefined);
    await adapter.listOrders(undefined);
    await recorder.settled();
    expect(warnings).toEqual([`Cart ${shopCartId} asked for API 2025-07 and was answered by 2026-01`]);

    const exceptions = async () =>
      ((await findExceptions(pool, { merchantId })) ?? []).filter((found) => found.kind === 'cart_api_deprecated');
    expect(await exceptions()).toEqual([
      expect.objectContaining({
        merchantId,
        reason: expect.stringContaining('asks Shopify for API 2025-07, which Shopify no longer serves: 2026-01'),
        fix: `epf carts set ${shopCartId} --api-version 2026-10`,
      }),
    ]);

    await carts.update(shopCartId, { settings: { apiVersion: '2026-10' } }, 'test');
    await (await adapterFor(shopCartId)).listOrders(undefined);
    await recorder.settled();
    expect(await exceptions()).toEqual([]);
    expect(warnings).toHaveLength(1);
  });
});
