import { createCartStore } from '../../../src/db/carts';
import { createInventoryStore } from '../../../src/db/inventory';
import { createMerchantStore } from '../../../src/db/merchants';
import type { CartOrder } from '../../../src/domain/order';
import type { CartSettings } from '../../../src/domain/merchant-settings';
import { searchAttributes, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';

// The simulator's demo warehouses both stock socks and totes, and without `warehouse_id` it takes the first that can
// fill the order (ELM): an order that lands in HEB got there because it was sent with `warehouse_id`.
let stack: OrderStack;
let elm: string;
let heb: string;

beforeAll(async () => {
  stack = await startOrderStack('routing');
  [elm, heb] = (await stack.easyPost().listWarehouses()).map((warehouse) => warehouse.id) as [string, string];
  await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
});

afterEach(async () => {
  stack.sim.control.configure({ order_warehouse_id: 'honoured' });
  await createMerchantStore(stack.pool).update(stack.merchantId, { settings: { warehouseRouting: 'rules' } }, 'test');
});

/** The cart's warehouses and a stock snapshot of socks and totes (units per warehouse), as the inventory pickup saves. */
async function routeWith(settings: Partial<CartSettings>, units: Record<string, number>): Promise<void> {
  const { pool, merchantId, cartId } = stack;
  await createCartStore(pool).upsert({ id: cartId, merchantId, type: 'manual', name: 'Phone orders', settings });
  await createInventoryStore(pool).saveSnapshotIfChanged(
    merchantId,
    Object.entries(units).flatMap(([warehouseId, quantity]) => [
      { barcode: BARCODES.socks, warehouseId, quantity },
      { barcode: BARCODES.tote, warehouseId, quantity },
    ]),
  );
}

/** Sends a sample order (2 socks, 1 tote) and waits until EasyPost has it. */
async function sendOrder(): Promise<CartOrder> {
  const order = stack.orderFor();
  await stack.submit(order);
  await waitForStatus(stack.handleOf(order), 'at_wms');
  return order;
}

/** Where the simulator allocated the order, and where the order's record, search attribute and status put it. */
async function warehousesOf(order: CartOrder) {
  const handle = stack.handleOf(order);
  const { rows } = await stack.pool.query<{ warehouse_id: string | null }>(
    'SELECT warehouse_id FROM orders WHERE cart_id = $1 AND cart_order_id = $2',
    [order.cartId, order.cartOrderId],
  );
  const status = await handle.query(statusQuery);
  return {
    atEasyPost: stack.easyPostOrdersOf(order).map((sent) => sent.warehouse_id),
    recorded: rows[0]?.warehouse_id,
    searchAttribute: (await handle.describe()).typedSearchAttributes.get(searchAttributes.warehouse),
    status: { warehouseId: status.warehouseId, chosenWarehouseId: status.chosenWarehouseId },
  };
}

async function atWmsDetail(order: CartOrder): Promise<unknown> {
  const { rows } = await stack.pool.query<{ detail: unknown }>(
    "SELECT detail FROM audit_log WHERE cart_id = $1 AND cart_order_id = $2 AND action = 'order.at_wms'",
    [order.cartId, order.cartOrderId],
  );
  return rows[0]?.detail;
}

describe('warehouse routing that reaches the warehouse', () => {
  it('sends the second warehouse when the latest snapshot shows the default short, and records it', async () => {
    // An older snapshot with stock at the default: only the latest counts.
    await routeWith({ warehouseIds: [elm, heb], defaultWarehouseId: elm }, { [elm]: 50 });
    await routeWith({ warehouseIds: [elm, heb], defaultWarehouseId: elm }, { [elm]: 0, [heb]: 5 });

    const order = await sendOrder();

    expect(await warehousesOf(order)).toEqual({
      atEasyPost: [heb],
      recorded: heb,
      searchAttribute: heb,
      status: { warehouseId: heb, chosenWarehouseId: heb },
    });
    expect(await atWmsDetail(order)).toEqual({});
  });

  it("sends the cart's default warehouse when it has the stock, though EasyPost alone would pick another", async () => {
    await routeWith({ warehouseIds: [heb, elm], defaultWarehouseId: heb }, { [elm]: 50, [heb]: 50 });

    const order = await sendOrder();

    expect(await warehousesOf(order)).toMatchObject({ atEasyPost: [heb], recorded: heb, searchAttribute: heb });
  });

  it("records EasyPost's warehouse over the chosen one when the account ignores warehouse_id", async () => {
    stack.sim.control.configure({ order_warehouse_id: 'ignored' });
    await routeWith({ warehouseIds: [heb, elm], defaultWarehouseId: heb }, { [elm]: 40, [heb]: 40 });

    const order = await sendOrder();

    expect(await warehousesOf(order)).toEqual({
      atEasyPost: [elm],
      recorded: elm,
      searchAttribute: elm,
      status: { warehouseId: elm, chosenWarehouseId: heb },
    });
    expect(await atWmsDetail(order)).toEqual({ chosenWarehouseId: heb, warehouseId: elm });
  });

  it('sends without warehouse_id when EasyPost refuses the field, and lets EasyPost choose from then on', async () => {
    stack.sim.control.configure({ order_warehouse_id: 'refused' });
    stack.sim.control.clearRequests();
    await routeWith({ warehouseIds: [heb, elm], defaultWarehouseId: heb }, { [elm]: 30, [heb]: 30 });

    const first = await sendOrder();
    const second = await sendOrder();

    expect(await warehousesOf(first)).toMatchObject({ atEasyPost: [elm], recorded: elm, searchAttribute: elm });
    expect(await warehousesOf(second)).toMatchObject({ atEasyPost: [elm], recorded: elm });
    const creates = stack.sim.control
      .requests()
      .filter((request) => request.method === 'POST' && request.path.endsWith('/orders'));
    expect(creates.map((request) => request.status)).toEqual([400, 201, 201]);
    const merchant = await createMerchantStore(stack.pool).get(stack.merchantId);
    expect(merchant?.settings.warehouseRouting).toBe('easypost');
    const { rows } = await stack.pool.query(
      "SELECT actor, detail FROM audit_log WHERE merchant_id = $1 AND action = 'merchant.settings'",
      [stack.merchantId],
    );
    expect(rows).toContainEqual({
      actor: 'easypost',
      detail: { before: { warehouseRouting: 'rules' }, after: { warehouseRouting: 'easypost' } },
    });
  });
});
