import { orderMarker } from '../../../src/easypost';
import { findExceptions } from '../../../src/exceptions/find-exceptions';
import { duplicateCheckWorkflow } from '../../../workflows';
import { statusQuery } from '../../../workflows/definitions';
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
    workflowId: `duplicates:${stack.merchantId}:${Date.now()}`,
    args: [{ merchantId: stack.merchantId, settleMinutes }],
  });

const duplicatesOf = async () =>
  ((await findExceptions(stack.pool, { merchantId: stack.merchantId })) ?? []).filter(
    (exception) => exception.kind === 'duplicate_at_warehouse',
  );

describe('the duplicate check', () => {
  it('raises duplicate_at_warehouse for an order EasyPost holds twice, and drops it once the extra is cancelled', async () => {
    const order = stack.orderFor();
    await stack.submit(order);
    await waitForStatus(stack.handleOf(order), 'at_wms');
    const { easyPostOrderId } = await stack.handleOf(order).query(statusQuery);
    const workflowId = stack.handleOf(order).workflowId;

    // What a send committed twice leaves behind: a second live order carrying the same marker.
    const extra = await stack.easyPost().createOrder({
      service: 'standard',
      description: `${order.cartOrderNumber} ${orderMarker(workflowId)}`,
      destination: { name: 'A', street1: '1 Main St', city: 'Los Angeles', state: 'CA', zip: '90001', country: 'US' },
      line_items: [{ product: { barcode: BARCODES.socks }, units: 1 }],
    });

    // Too young to judge: a send in flight may still adopt or fail.
    expect(await check(10)).toMatchObject({ duplicates: 0 });
    expect(await duplicatesOf()).toEqual([]);

    expect(await check()).toMatchObject({ duplicates: 1 });
    const [exception] = await duplicatesOf();
    expect(exception).toMatchObject({
      merchantId: stack.merchantId,
      order: { cartOrderNumber: order.cartOrderNumber, workflowId, status: 'at_wms' },
    });
    // Created in the same second, so in either order.
    expect([...(exception?.easyPostOrderIds ?? [])].sort()).toEqual([easyPostOrderId, extra.id].sort());
    expect(exception?.reason).toContain(`the order tracks ${easyPostOrderId}`);
    expect(exception?.fix).toContain(`cancel ${extra.id}`);
    expect(exception?.fix).not.toContain(`${easyPostOrderId}`);

    // The same in GET /exceptions and in `epf exceptions`.
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

    await stack.easyPost().cancelOrder(extra.id);
    expect(await check()).toMatchObject({ duplicates: 0 });
    expect(await duplicatesOf()).toEqual([]);
  });
});
