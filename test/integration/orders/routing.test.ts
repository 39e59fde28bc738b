import { createCartStore } from '../../../src/db/carts';
import { createInventoryStore } from '../../../src/db/inventory';
import { searchAttributes, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';

let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('routing');
  await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
});

describe('warehouse routing with the latest stock snapshot', () => {
  it('routes to the second warehouse when the default has no stock, and records it on the order', async () => {
    const { pool, merchantId, cartId } = stack;
    const [preferred, second] = (await stack.easyPost().listWarehouses()).map((warehouse) => warehouse.id);
    await createCartStore(pool).upsert({
      id: cartId,
      merchantId,
      type: 'manual',
      name: 'Phone orders',
      settings: { warehouseIds: [preferred!, second!], defaultWarehouseId: preferred! },
    });
    const inventory = createInventoryStore(pool);
    // An older snapshot with stock at the default: only the latest counts.
    await inventory.saveSnapshotIfChanged(merchantId, [
      { barcode: BARCODES.socks, warehouseId: preferred!, quantity: 50 },
      { barcode: BARCODES.tote, warehouseId: preferred!, quantity: 50 },
    ]);
    await inventory.saveSnapshotIfChanged(merchantId, [
      { barcode: BARCODES.socks, warehouseId: preferred!, quantity: 0 },
      { barcode: BARCODES.tote, warehouseId: preferred!, quantity: 1 },
      { barcode: BARCODES.socks, warehouseId: second!, quantity: 5 },
      { barcode: BARCODES.tote, warehouseId: second!, quantity: 5 },
    ]);

    const order = stack.orderFor(); // 2 socks, 1 tote
    await stack.submit(order);
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'at_wms');

    expect((await handle.query(statusQuery)).warehouseId).toBe(second);
    const { typedSearchAttributes } = await handle.describe();
    expect(typedSearchAttributes.get(searchAttributes.warehouse)).toBe(second);
    const { rows } = await pool.query('SELECT warehouse_id FROM orders WHERE cart_id = $1 AND cart_order_id = $2', [
      cartId,
      order.cartOrderId,
    ]);
    expect(rows).toEqual([{ warehouse_id: second }]);
  });
});
