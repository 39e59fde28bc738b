import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { shipmentPickupWorkflow } from '../../../workflows';
import { statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';

let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('pickup');
  await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
});

const pickUp = () =>
  stack.env.client.workflow.execute(shipmentPickupWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `shipments:${stack.merchantId}:${Date.now()}`,
    args: [{ merchantId: stack.merchantId }],
  });

describe('the shipment pickup', () => {
  it('brings whole and split shipments from EasyPost to their orders, once', async () => {
    const whole = stack.orderFor();
    const split = stack.orderFor({
      lines: [
        { lineId: 'l1', sku: 'SOCK-M', quantity: 2 },
        { lineId: 'l2', sku: 'TOTE', quantity: 1 },
      ],
    });
    await Promise.all([stack.submit(whole), stack.submit(split)]);
    await Promise.all([waitForStatus(stack.handleOf(whole), 'at_wms'), waitForStatus(stack.handleOf(split), 'at_wms')]);
    const easyPostId = async (order: typeof whole) => (await stack.handleOf(order).query(statusQuery)).easyPostOrderId!;

    stack.sim.control.advanceOrder(await easyPostId(whole), { api_key: DEMO_KEYS.test_key, to: 'shipped' });
    stack.sim.control.advanceOrder(await easyPostId(split), {
      api_key: DEMO_KEYS.test_key,
      to: 'shipped',
      shipments: [
        { line_items: [{ barcode: BARCODES.socks, units: 2 }], carrier: 'USPS', tracking_code: `9400${Date.now()}1` },
        { line_items: [{ barcode: BARCODES.tote, units: 1 }], carrier: 'UPS', tracking_code: `1Z${Date.now()}2` },
      ],
    });

    expect(await pickUp()).toMatchObject({ signalled: 3 });
    expect((await stack.handleOf(whole).result()).status).toBe('confirmed');
    const splitResult = await stack.handleOf(split).result();
    expect(splitResult.status).toBe('confirmed');
    expect(splitResult.trackingPushed).toHaveLength(2);

    // A second pickup sees the same shipments again (the cursor overlaps on purpose): nothing changes.
    await pickUp();
    const { rows } = await stack.pool.query(
      'SELECT count(*)::int AS n FROM tracking_pushes WHERE cart_order_id = ANY($1)',
      [[whole.cartOrderId, split.cartOrderId]],
    );
    expect(rows[0].n).toBe(3);
    const cursor = await stack.pool.query('SELECT cursor FROM merchant_cursors WHERE merchant_id = $1', [
      stack.merchantId,
    ]);
    expect(Date.parse(cursor.rows[0].cursor)).toBeGreaterThan(Date.now() - 60_000);
  });
});
