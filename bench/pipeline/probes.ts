// One order of each kind, run alone through the real pipeline, for what it costs in history.
import type { WorkflowHandle } from '@temporalio/client';
import type { CartOrder } from '../../src/domain/order';
import type { OrderStatus } from '../../src/domain/order-status';
import { BARCODES } from '../../test/helpers/order-stack';
import { pollUntil } from '../../test/helpers/poll';
import { waitForStatus } from '../../test/workflows/order-fakes';
import type { orderWorkflow } from '../../workflows';
import { cancelSignal, inventoryAvailableSignal, statusQuery } from '../../workflows/definitions';
import { historyCost, type HistoryCost } from './history';
import { shipAtEasyPost } from './ship';
import type { PipelineStack } from './stack';

type OrderHandle = WorkflowHandle<typeof orderWorkflow>;

export interface OrderProbes {
  /** Sent, shipped in one package, tracking pushed, confirmed. */
  happy: HistoryCost;
  /** Held once for lack of stock, woken by `inventoryAvailable` when it arrives, then as happy. */
  held: HistoryCost;
  /** Sent, then cancelled at EasyPost while it waits at the warehouse. */
  cancelled: HistoryCost;
}

/** The three probes, one after the other; also the happy order's history, the floor's script. */
export async function probeOrders(stack: PipelineStack, taskQueue: string) {
  const run = async (order: CartOrder, drive: (handle: OrderHandle) => Promise<void>, expected: OrderStatus) => {
    const submitted = await stack.submit(order, taskQueue);
    if (submitted.outcome !== 'started') throw new Error(`probe order not started: ${JSON.stringify(submitted)}`);
    const handle = stack.env.client.workflow.getHandle<typeof orderWorkflow>(submitted.workflowId);
    await drive(handle);
    const { status } = await handle.result();
    if (status !== expected) throw new Error(`${handle.workflowId}: ended ${status}, expected ${expected}`);
    return (await handle.fetchHistory()).events ?? [];
  };
  const ship = async (handle: OrderHandle) => {
    await waitForStatus(handle, 'at_wms');
    // A real shipment comes hours later. The query sees `at_wms` while the task that recorded it may still be
    // completing; a signal then would cost one more workflow task, a race of the probe, not a cost of the order.
    await pollUntil(async () => !(await handle.describe()).raw.pendingWorkflowTask, { timeoutMs: 10_000 });
    await shipAtEasyPost(stack, (await handle.query(statusQuery)).easyPostOrderId!);
  };

  const happyEvents = await run(stack.orderFor(), ship, 'confirmed');
  const held = await run(
    stack.orderFor({ lines: [{ lineId: 'l1', sku: 'TEE-S', quantity: 1 }] }),
    async (handle) => {
      await waitForStatus(handle, 'on_hold');
      stack.restock(BARCODES.teeS);
      await handle.signal(inventoryAvailableSignal);
      await ship(handle);
    },
    'confirmed',
  );
  const cancelled = await run(
    stack.orderFor(),
    async (handle) => {
      await waitForStatus(handle, 'at_wms');
      await handle.signal(cancelSignal, { reason: 'bench', source: 'operator' });
    },
    'cancelled',
  );
  const probes: OrderProbes = {
    happy: historyCost(happyEvents),
    held: historyCost(held),
    cancelled: historyCost(cancelled),
  };
  return { probes, happyEvents };
}
