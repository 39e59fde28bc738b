import { createCartStore } from '../../../src/db/carts';
import { createOrderIndex } from '../../../src/db/orders';
import { createMappingStore } from '../../../src/db/product-mapping';
import { cartStockNow } from '../../../src/inventory/cart-stock';
import { createTestPool, TEST_SECRET_KEY } from '../../helpers/database';
import { BARCODES } from '../../helpers/order-stack';
import { SecretBox } from '../../../src/crypto/secret-box';
import { createMerchantStore } from '../../../src/db/merchants';

// A SKU a cart's item filter keeps from this warehouse is stocked elsewhere: its level must not be pushed to the cart.
const pool = createTestPool();
const merchantId = `filtered-stock-${Date.now().toString(36)}`;

afterAll(async () => {
  await pool.end();
});

it("leaves the SKUs the cart's item filter keeps out of the levels the cart is told", async () => {
  await createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({ id: merchantId, name: 'Filtered stock' });
  const mappings = createMappingStore(pool);
  await mappings.setAlias(merchantId, 'SOCK-M', BARCODES.socks);
  await mappings.setAlias(merchantId, 'GIFT-TOTE', BARCODES.tote);
  const cart = await createCartStore(pool).upsert({
    id: `${merchantId}-phone`,
    merchantId,
    type: 'manual',
    name: 'Phone',
    settings: { itemFilter: { mode: 'deny', patterns: ['GIFT-*'] } },
  });
  const levels = [
    { barcode: BARCODES.socks, warehouseId: 'wh_1', quantity: 7 },
    { barcode: BARCODES.tote, warehouseId: 'wh_1', quantity: 3 },
  ];

  const stores = { mappings, orders: createOrderIndex(pool) };
  expect(await cartStockNow(stores, cart, levels)).toEqual([{ sku: 'SOCK-M', quantity: 7 }]);
  const unfiltered = { ...cart, settings: { ...cart.settings, itemFilter: { mode: 'deny' as const, patterns: [] } } };
  expect(await cartStockNow(stores, unfiltered, levels)).toEqual(
    expect.arrayContaining([
      { sku: 'SOCK-M', quantity: 7 },
      { sku: 'GIFT-TOTE', quantity: 3 },
    ]),
  );
});
