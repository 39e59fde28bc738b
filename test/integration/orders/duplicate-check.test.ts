import { orderMarker, type CreateOrderRequest } from '../../../src/easypost';
import type { Exception } from '../../../src/domain/exceptions';
import { findExceptions } from '../../../src/exceptions/find-exceptions';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { duplicateCheckWorkflow } from '../../../workflows';
import { duplicateCheckScheduleId, orderWorkflowId, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { startApi } from '../api/harness';
import { runEpf } from '../cli/run-epf';

let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('duplicates');
  await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
});

const check = (settleMinutes = 0) =>
  stack.env.client.workflow.execute(duplicateCheckWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `${duplicateCheckScheduleId(stack.merchantId)}:${Date.now()}`,
    args: [{ merchantId: stack.merchantId, settleMinutes }],
  });

const duplicatesAtWarehouse = async (): Promise<Exception[]> =>
  ((await findExceptions(stack.pool, { merchantId: stack.merchantId })) ?? []).filter(
    (exception) => exception.kind === 'duplicate_at_warehouse',
  );

/** What a send committed twice leaves behind: another live EasyPost order carrying the workflow's marker. */
const plantDuplicate = (workflowId: string) => {
  const request: CreateOrderRequest = {
    service: 'standard',
    description: `extra ${orderMarker(workflowId)}`,
    destination: { name: 'A', street1: '1 Main St', city: 'Los Angeles', state: 'CA', zip: '90001', country: 'US' },
    line_items: [{ product: { barcode: BARCODES.socks }, units: 1 }],
  };
  return stack.easyPost().createOrder(request);
};

/** An order sent once and now at the warehouse, with the EasyPost order it tracks. */
async function orderAtWarehouse() {
  const order = stack.orderFor();
  await stack.submit(order);
  const handle = stack.handleOf(order);
  await waitForStatus(handle, 'at_wms');
  const { easyPostOrderId } = await handle.query(statusQuery);
  return { order, workflowId: handle.workflowId, tracked: easyPostOrderId! };
}

describe('the duplicate check', () => {
  it('cancels the extra order of a send committed twice while it is cancellable, and audits it', async () => {
    const { order, workflowId, tracked } = await orderAtWarehouse();
    const extra = await plantDuplicate(workflowId);

    // Too young to judge: a send in flight may still adopt or fail.
    expect(await check(10)).toMatchObject({ duplicates: 0, cancelled: 0 });
    expect((await stack.easyPost().getOrder(extra.id)).status).toBe('created');

    expect(await check()).toMatchObject({ duplicates: 0, cancelled: 1 });
    expect((await stack.easyPost().getOrder(extra.id)).status).toBe('cancelled');
    expect((await stack.easyPost().getOrder(tracked)).status).toBe('created');
    const { rows } = await stack.pool.query(
      `SELECT actor, detail FROM audit_log WHERE cart_order_id = $1 AND action = 'order.duplicate_cancelled'`,
      [order.cartOrderId],
    );
    expect(rows).toEqual([
      {
        actor: 'duplicate-check',
        detail: { marker: orderMarker(workflowId), cancelledEasyPostOrderId: extra.id, keptEasyPostOrderId: tracked },
      },
    ]);
    expect(await duplicatesAtWarehouse()).toEqual([]);
  });

  it('raises duplicate_at_warehouse, in epf exceptions and GET /exceptions, when the extra is already picked', async () => {
    const { order, workflowId, tracked } = await orderAtWarehouse();
    const extra = await plantDuplicate(workflowId);
    stack.sim.control.advanceOrder(extra.id, { api_key: DEMO_KEYS.test_key, to: 'picked' });

    expect(await check()).toMatchObject({ duplicates: 1, cancelled: 0 });
    const [exception] = await duplicatesAtWarehouse();
    expect(exception).toMatchObject({
      merchantId: stack.merchantId,
      order: { cartOrderNumber: order.cartOrderNumber, workflowId, status: 'at_wms' },
    });
    // Created in the same second, so in either order.
    expect([...(exception?.easyPostOrderIds ?? [])].sort()).toEqual([tracked, extra.id].sort());
    expect(exception?.reason).toContain(`the order tracks ${tracked}`);
    expect(exception?.fix).toContain(`cancel ${extra.id}`);
    expect(exception?.fix).not.toContain(tracked);

    const api = await startApi({ pool: stack.pool, temporal: stack.env.client, taskQueue: stack.taskQueue });
    try {
      const { body } = await api.call('GET', `/exceptions?merchant=${stack.merchantId}`);
      expect(body.exceptions).toContainEqual(
        expect.objectContaining({ kind: 'duplicate_at_warehouse', fix: exception?.fix }),
      );
    } finally {
      await api.app.close();
    }
    const cli = await runEpf(stack.taskQueue, ['exceptions', '--merchant', stack.merchantId, '--json']);
    expect(JSON.parse(cli.stdout)).toContainEqual(
      expect.objectContaining({ kind: 'duplicate_at_warehouse', fix: exception?.fix }),
    );
  });

  it('leaves the choice to a person when the order tracks none of them, and forgets the duplicate once resolved', async () => {
    const workflowId = orderWorkflowId(stack.cartId, `unknown-${Date.now()}`);
    const [first, second] = [await plantDuplicate(workflowId), await plantDuplicate(workflowId)];
    await check();
    const unknown = (await duplicatesAtWarehouse()).filter((e) => e.reason.includes(orderMarker(workflowId)));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.order).toBeUndefined();
    expect((await stack.easyPost().getOrder(first.id)).status).toBe('created');

    await stack.easyPost().cancelOrder(second.id);
    await check();
    expect((await duplicatesAtWarehouse()).filter((e) => e.reason.includes(orderMarker(workflowId)))).toEqual([]);
  });
});
