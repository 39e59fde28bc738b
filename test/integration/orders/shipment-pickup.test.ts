import type { WorkflowHandle } from '@temporalio/client';
import { orderWorkflowId } from '../../../src/domain/order';
import { PAGE_SIZE } from '../../../src/easypost/paging';
import { findExceptions } from '../../../src/exceptions/find-exceptions';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { shipmentPickupWorkflow } from '../../../workflows';
import { shipmentPickupScheduleId, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { createEasyPostOrder, createMarkedOrder } from '../../helpers/marked-order';
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
    workflowId: `${shipmentPickupScheduleId(stack.merchantId)}:${Date.now()}`,
    args: [{ merchantId: stack.merchantId }],
  });

/** The `shipmentUpdate` signals a workflow has received (an order not at the warehouse keeps them for later). */
async function shipmentSignals(handle: WorkflowHandle): Promise<number> {
  const { events } = await handle.fetchHistory();
  return (events ?? []).filter(
    (event) => event.workflowExecutionSignaledEventAttributes?.signalName === 'shipmentUpdate',
  ).length;
}

const keptRows = async (easyPostOrderId: string) =>
  (await stack.pool.query('SELECT * FROM kept_shipments WHERE easypost_order_id = $1', [easyPostOrderId])).rows;

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

  it('goes on from the page that failed: earlier pages are neither read again nor lost', async () => {
    const order = stack.orderFor();
    await stack.submit(order);
    await waitForStatus(stack.handleOf(order), 'at_wms');
    const { easyPostOrderId } = await stack.handleOf(order).query(statusQuery);
    stack.sim.control.advanceOrder(easyPostOrderId!, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
    // A full page of newer orders (another integration's) before it: the shipped order is on the second page.
    const easyPost = stack.easyPost();
    for (let i = 0; i < PAGE_SIZE; i += 1) {
      await createEasyPostOrder(easyPost, `another integration ${i}`, '850621004075');
    }
    // Seeded draws for the listing's calls: page 0 answers, page 1 fails once (503), then every call answers.
    stack.sim.control.clearRequests();
    const fault = stack.sim.control.addFault({ route: 'GET /orders', kind: 'server_error', rate: 0.5, seed: 1 });
    try {
      expect(await pickUp()).toMatchObject({ pages: 2, signalled: 1 });
    } finally {
      stack.sim.control.removeFault(fault.id);
    }
    expect((await stack.handleOf(order).result()).status).toBe('confirmed');

    const reads = stack.sim.control
      .requests()
      .filter((request) => request.method === 'GET' && /\/orders\?/.test(request.path))
      .map((request) => ({
        page: new URL(request.path, 'http://sim').searchParams.get('page'),
        ok: request.status === 200 && !request.fault,
      }));
    // The old pickup re-read page 0 after page 1 failed; now each page is read once, the failed one again.
    expect(reads).toEqual([
      { page: '0', ok: true },
      { page: '1', ok: false },
      { page: '1', ok: true },
    ]);
  });

  // Issue 15, item 5: a send that timed out after EasyPost committed leaves the order at EasyPost (shipping, even)
  // before the workflow has recorded its EasyPost ID. The pickup used to skip such a shipment and move its cursor on.
  it("finds the workflow from the EasyPost order's marker when the index does not know its EasyPost ID", async () => {
    const order = stack.orderFor();
    await stack.submit(order);
    await waitForStatus(stack.handleOf(order), 'at_wms');
    const { easyPostOrderId } = await stack.handleOf(order).query(statusQuery);
    await stack.pool.query('UPDATE orders SET easypost_order_id = NULL WHERE cart_id = $1 AND cart_order_id = $2', [
      order.cartId,
      order.cartOrderId,
    ]);
    stack.sim.control.advanceOrder(easyPostOrderId!, { api_key: DEMO_KEYS.test_key, to: 'shipped' });

    expect(await pickUp()).toMatchObject({ signalled: 1, kept: 0 });
    expect((await stack.handleOf(order).result()).status).toBe('confirmed');
  });

  it('keeps a shipment no running workflow takes, shows it after a day, and delivers it once the workflow runs', async () => {
    // TEE-S has no stock: the order waits on hold, and the index never learns an EasyPost ID for it.
    const order = stack.orderFor({ lines: [{ lineId: 'l1', sku: 'TEE-S', quantity: 1 }] });
    const workflowId = orderWorkflowId(order.cartId, order.cartOrderId);
    const marked = await createMarkedOrder(stack.easyPost(), order);
    stack.sim.control.advanceOrder(marked.id, { api_key: DEMO_KEYS.test_key, to: 'shipped' });

    // No workflow yet: kept, and the cursor moves on all the same.
    expect(await pickUp()).toMatchObject({ kept: 1 });
    expect(await keptRows(marked.id)).toEqual([
      expect.objectContaining({
        merchant_id: stack.merchantId,
        workflow_id: workflowId,
        reason: expect.stringMatching(/not running/),
      }),
    ]);
    await stack.pool.query(
      `UPDATE kept_shipments SET first_kept_at = now() - interval '2 days' WHERE easypost_order_id = $1`,
      [marked.id],
    );
    const exceptions = await findExceptions(stack.pool, { merchantId: stack.merchantId });
    expect(exceptions?.find((exception) => exception.kind === 'kept_shipment')).toMatchObject({
      reason: expect.stringContaining(marked.id),
      fix: expect.stringContaining(`epf orders show ${order.cartOrderId} --cart ${order.cartId}`),
    });

    await stack.submit(order);
    await waitForStatus(stack.handleOf(order), 'on_hold');
    expect(await pickUp()).toMatchObject({ redelivered: 1 });
    expect(await keptRows(marked.id)).toEqual([]);
    expect(await shipmentSignals(stack.handleOf(order))).toBeGreaterThan(0);
  });
});
