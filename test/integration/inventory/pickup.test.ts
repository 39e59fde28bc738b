import { createInventoryStore } from '../../../src/db/inventory';
import { createOrderIndex } from '../../../src/db/orders';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { inventoryPickupWorkflow } from '../../../workflows';
import { inventoryPickupScheduleId, orderWorkflowId, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';

let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('inventory');
  await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
});

const pickUp = () =>
  stack.env.client.workflow.execute(inventoryPickupWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `${inventoryPickupScheduleId(stack.merchantId)}:${Date.now()}`,
    args: [{ merchantId: stack.merchantId }],
  });

const snapshotCount = async () =>
  (
    await stack.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM inventory_snapshots WHERE merchant_id = $1', [
      stack.merchantId,
    ])
  ).rows[0]!.n;

/** The order index is written by an activity after the workflow's state changes: wait for it too. */
async function waitForIndexStatus(workflowId: string, status: string): Promise<void> {
  let seen: string | undefined;
  await pollUntil(
    async () => {
      const { rows } = await stack.pool.query('SELECT status FROM orders WHERE workflow_id = $1', [workflowId]);
      seen = rows[0]?.status;
      return seen === status;
    },
    { timeoutMs: 10_000, describe: () => `index row of ${workflowId} is ${seen}, expected ${status}` },
  );
}

describe('the inventory pickup', () => {
  it('stores the warehouses and a snapshot of every product in every warehouse', async () => {
    expect(await pickUp()).toEqual({ warehouses: 2, products: 12, levels: 24, changed: true, woken: 0 });

    const { rows: warehouses } = await stack.pool.query<{ id: string; name: string; short_name: string }>(
      'SELECT id, name, short_name FROM warehouses WHERE merchant_id = $1 ORDER BY short_name',
      [stack.merchantId],
    );
    expect(warehouses).toEqual([
      { id: expect.stringMatching(/^wh_/), name: 'El Monte', short_name: 'ELM' },
      { id: expect.stringMatching(/^wh_/), name: 'Hebron', short_name: 'HEB' },
    ]);
    const [elm, heb] = warehouses.map((warehouse) => warehouse.id);

    const snapshot = await createInventoryStore(stack.pool).latestSnapshot(stack.merchantId);
    expect(snapshot?.levels).toHaveLength(24);
    expect(snapshot?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const socks = snapshot!.levels.filter((level) => level.barcode === BARCODES.socks);
    expect(socks).toHaveLength(2);
    expect(socks).toEqual(
      expect.arrayContaining([
        { barcode: BARCODES.socks, warehouseId: elm, quantity: 120 },
        { barcode: BARCODES.socks, warehouseId: heb, quantity: 80 },
      ]),
    );
    const keys = snapshot!.levels.map((level) => `${level.barcode}/${level.warehouseId}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('writes no snapshot when the stock has not changed', async () => {
    const before = await snapshotCount();
    expect(await pickUp()).toMatchObject({ levels: 24, changed: false, woken: 0 });
    expect(await snapshotCount()).toBe(before);
  });

  it('wakes a held order once a warehouse can fill it, and only then; skips orders whose workflow is gone', async () => {
    const order = stack.orderFor({ lines: [{ lineId: 'l1', sku: 'TEE-S', quantity: 1 }] });
    await stack.submit(order);
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'on_hold');
    await waitForIndexStatus(handle.workflowId, 'on_hold');
    // An index row left on hold by a workflow that no longer exists (e.g. cleaned up by retention).
    await createOrderIndex(stack.pool).recordTransitions([
      {
        cartId: stack.cartId,
        cartOrderId: `gone-${Date.now()}`,
        cartOrderNumber: 'GONE',
        merchantId: stack.merchantId,
        workflowId: orderWorkflowId(stack.cartId, `gone-${Date.now()}`),
        status: 'on_hold',
        holdCount: 1,
        summary: 'held, workflow gone',
        actor: 'workflow',
      },
    ]);
    const [warehouse] = await stack.easyPost().listWarehouses();
    // Other stock arrives: the held order still cannot be filled, so it is left alone. The index row of the gone
    // workflow has no lines: it is signalled to be safe, and skipped.
    stack.sim.control.setStock({
      api_key: DEMO_KEYS.test_key,
      barcode: BARCODES.socks,
      warehouse_id: warehouse!.id,
      quantity: 500,
    });
    expect(await pickUp()).toMatchObject({ changed: true, woken: 0 });
    expect(await handle.query(statusQuery)).toMatchObject({ status: 'on_hold', holdCount: 1 });
    const before = await snapshotCount();

    stack.sim.control.setStock({
      api_key: DEMO_KEYS.test_key,
      barcode: BARCODES.teeS,
      warehouse_id: warehouse!.id,
      quantity: 5,
    });

    expect(await pickUp()).toMatchObject({ changed: true, woken: 1 });
    expect(await snapshotCount()).toBe(before + 1);
    await waitForStatus(handle, 'at_wms');
  });

  it('keeps 30 days of snapshots, and always the latest', async () => {
    const store = createInventoryStore(stack.pool);
    const latest = await store.latestSnapshot(stack.merchantId);
    expect(await snapshotCount()).toBeGreaterThan(1);
    await stack.pool.query(
      `UPDATE inventory_snapshots SET taken_at = taken_at - interval '40 days' WHERE merchant_id = $1`,
      [stack.merchantId],
    );

    expect(await store.saveSnapshotIfChanged(stack.merchantId, latest!.levels)).toEqual({
      snapshotId: latest!.id,
      changed: false,
    });
    expect(await snapshotCount()).toBe(1);
  });
});
