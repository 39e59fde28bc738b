import { createMerchantStore } from '../../../src/db/merchants';
import { reconcileSchedules } from '../../../src/schedules/reconcile';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { inventoryPickupWorkflow } from '../../../workflows';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { inventoryPickupScheduleId } from '../../../workflows/definitions';

// The shortest pickup interval a merchant may set: the order must reach the warehouse within one of them.
const PICKUP_SECONDS = 60;
let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('release');
  await stack.startWorker();
});

afterAll(async () => {
  if (stack) await reconcileSchedules(stack.env.client, { carts: [], merchants: [] }, stack.taskQueue);
  await stack?.close();
});

it('releases an on-hold order within one inventory pickup interval of the stock arriving', async () => {
  // A first snapshot, so that the arrival below is a change.
  await stack.env.client.workflow.execute(inventoryPickupWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `first-pickup:${stack.merchantId}`,
    args: [{ merchantId: stack.merchantId }],
  });
  const order = stack.orderFor({ lines: [{ lineId: 'l1', sku: 'TEE-S', quantity: 2 }] });
  await stack.submit(order);
  const handle = stack.handleOf(order);
  await waitForStatus(handle, 'on_hold');

  const merchants = createMerchantStore(stack.pool);
  const merchant = await merchants.get(stack.merchantId);
  const schedules = await reconcileSchedules(
    stack.env.client,
    {
      carts: [],
      merchants: [{ ...merchant!, settings: { ...merchant!.settings, inventoryPickupSeconds: PICKUP_SECONDS } }],
    },
    stack.taskQueue,
  );
  expect(schedules.created).toContain(inventoryPickupScheduleId(stack.merchantId));

  const [warehouse] = await stack.easyPost().listWarehouses();
  stack.sim.control.setStock({
    api_key: DEMO_KEYS.test_key,
    barcode: BARCODES.teeS,
    warehouse_id: warehouse!.id,
    quantity: 2,
  });
  await waitForStatus(handle, 'at_wms', (PICKUP_SECONDS + 15) * 1000);
}, 120_000);
