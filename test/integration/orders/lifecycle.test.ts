import { shipmentsOf } from '../../../src/easypost';
import { toShipmentUpdate } from '../../../src/orders/shipment-update';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import {
  cancelSignal,
  fixOrderUpdate,
  inventoryAvailableSignal,
  shipmentUpdateSignal,
  statusQuery,
} from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';

let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('lifecycle');
  await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
});

const simOrders = () => stack.sim.control.orders(DEMO_KEYS.test_key);

describe('an order through the dev server, PostgreSQL and the EasyPost simulator', () => {
  it('is sent, shipped, its tracking recorded for the cart, and confirmed', async () => {
    const { pool, cartId } = stack;
    const order = stack.orderFor();
    expect((await stack.submit(order)).outcome).toBe('started');
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'at_wms');

    const { easyPostOrderId } = await handle.query(statusQuery);
    const atEasyPost = simOrders().find((candidate) => candidate.id === easyPostOrderId)!;
    expect(atEasyPost.line_items.map((line) => [line.product.barcode, line.units])).toEqual([
      [BARCODES.socks, 2],
      [BARCODES.tote, 1],
    ]);
    expect(atEasyPost.description).toContain(`epf:order:${cartId}:${order.cartOrderId}`);

    stack.sim.control.advanceOrder(easyPostOrderId!, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
    const packages = shipmentsOf(await stack.easyPost().getOrder(easyPostOrderId!));
    for (const shipment of packages)
      await handle.signal(shipmentUpdateSignal, toShipmentUpdate(shipment, packages.length)!);
    expect((await handle.result()).status).toBe('confirmed');

    const { rows: index } = await pool.query('SELECT * FROM orders WHERE cart_id = $1 AND cart_order_id = $2', [
      cartId,
      order.cartOrderId,
    ]);
    expect(index).toHaveLength(1);
    expect(index[0]).toMatchObject({ status: 'confirmed', easypost_order_id: easyPostOrderId });
    const { rows: pushes } = await pool.query('SELECT * FROM tracking_pushes WHERE cart_order_id = $1', [
      order.cartOrderId,
    ]);
    expect(pushes).toHaveLength(1);
    const { rows: audit } = await pool.query(
      'SELECT action FROM audit_log WHERE cart_id = $1 AND cart_order_id = $2 ORDER BY id',
      [cartId, order.cartOrderId],
    );
    expect(audit.map((row) => row.action)).toEqual([
      'order.received',
      'order.sending',
      'order.at_wms',
      'order.shipped',
      'order.confirmed',
    ]);
  });

  it('starts one workflow and keeps one index row when the same cart order is submitted twice', async () => {
    const order = stack.orderFor();
    const [first, second] = await Promise.all([stack.submit(order), stack.submit(order)]);
    expect([first.outcome, second.outcome].sort()).toEqual(['duplicate', 'started']);
    await waitForStatus(stack.handleOf(order), 'at_wms');
    expect((await stack.submit(order)).outcome).toBe('duplicate');
    const { rowCount } = await stack.pool.query('SELECT 1 FROM orders WHERE cart_id = $1 AND cart_order_id = $2', [
      stack.cartId,
      order.cartOrderId,
    ]);
    expect(rowCount).toBe(1);
  });

  it('refuses an order for a cart that does not exist, naming the field', async () => {
    const result = await stack.submit(stack.orderFor({ cartId: 'no-such-cart' }));
    expect(result).toEqual({
      outcome: 'invalid',
      message: expect.stringMatching(/^cartId: unknown cart "no-such-cart"/),
    });
  });

  it('holds an order without stock, then sends it when the inventory pickup reports stock', async () => {
    const order = stack.orderFor({ lines: [{ lineId: 'l1', sku: 'TEE-S', quantity: 1 }] });
    await stack.submit(order);
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'on_hold');
    expect((await handle.query(statusQuery)).lastError?.type).toBe('InsufficientInventory');

    const [warehouse] = await stack.easyPost().listWarehouses();
    stack.sim.control.setStock({
      api_key: DEMO_KEYS.test_key,
      barcode: BARCODES.teeS,
      warehouse_id: warehouse!.id,
      quantity: 5,
    });
    await handle.signal(inventoryAvailableSignal);
    await waitForStatus(handle, 'at_wms');
  });

  it('puts an order with an unknown SKU in error naming the line, and a fix sends it', async () => {
    const order = stack.orderFor({ lines: [{ lineId: 'l1', sku: 'NO-SUCH-SKU', quantity: 1 }] });
    await stack.submit(order);
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'error');
    expect((await handle.query(statusQuery)).lastError?.message).toContain('NO-SUCH-SKU');

    expect(await handle.executeUpdate(fixOrderUpdate, { args: [{ skus: { l1: 'SOCK-M' } }] })).toBe('sending');
    await waitForStatus(handle, 'at_wms');
  });

  it('cancels at EasyPost while the order waits, and reports cancel_failed once it is picked', async () => {
    const waiting = stack.orderFor();
    const picked = stack.orderFor();
    await Promise.all([stack.submit(waiting), stack.submit(picked)]);
    await Promise.all([
      waitForStatus(stack.handleOf(waiting), 'at_wms'),
      waitForStatus(stack.handleOf(picked), 'at_wms'),
    ]);

    await stack.handleOf(waiting).signal(cancelSignal, { reason: 'buyer cancelled', source: 'cart' });
    expect((await stack.handleOf(waiting).result()).status).toBe('cancelled');
    const waitingId = (await stack.handleOf(waiting).query(statusQuery)).easyPostOrderId;
    expect(simOrders().find((candidate) => candidate.id === waitingId)?.status).toBe('cancelled');

    const pickedId = (await stack.handleOf(picked).query(statusQuery)).easyPostOrderId!;
    stack.sim.control.advanceOrder(pickedId, { api_key: DEMO_KEYS.test_key, to: 'picked' });
    await stack.handleOf(picked).signal(cancelSignal, { reason: 'too late', source: 'operator' });
    await waitForStatus(stack.handleOf(picked), 'cancel_failed');
    expect((await stack.handleOf(picked).query(statusQuery)).cancelReason).toMatch(/^too late \(refused by EasyPost/);
  });
});
