import { createMappingStore } from '../../../src/db/product-mapping';
import { findExceptions } from '../../../src/exceptions/find-exceptions';
import { inventoryPickupWorkflow } from '../../../workflows';
import { fixOrderUpdate, inventoryPickupScheduleId, retryNowSignal, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';

// The inventory pickup syncs the merchant's EasyPost products, so an order naming a product EasyPost does not have
// fails on our own field before anything is sent, and the fix says which alias to add.
let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('prodsync');
  await stack.startWorker();
  await stack.env.client.workflow.execute(inventoryPickupWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `${inventoryPickupScheduleId(stack.merchantId)}:${Date.now()}`,
    args: [{ merchantId: stack.merchantId }],
  });
});

afterAll(async () => {
  await stack?.close();
});

const withUnknownSku = (id: string) =>
  stack.orderFor({
    cartOrderId: id,
    cartOrderNumber: `#${id}`,
    lines: [
      { lineId: 'l1', sku: 'SOCK-M', quantity: 1 },
      { lineId: 'l2', sku: 'TOTE', quantity: 1 },
      { lineId: 'l3', sku: 'TEE-XL', quantity: 1 },
    ],
  });

describe('products synced from EasyPost', () => {
  it('are stored per merchant by the inventory pickup, every barcode of the account', async () => {
    const { rows } = await stack.pool.query<{ barcode: string }>(
      'SELECT barcode FROM easypost_products WHERE merchant_id = $1',
      [stack.merchantId],
    );
    const barcodes = rows.map((row) => row.barcode);
    expect(barcodes).toEqual(expect.arrayContaining([BARCODES.socks, BARCODES.tote, BARCODES.teeS]));
    const { rows: syncs } = await stack.pool.query(
      'SELECT products FROM easypost_product_syncs WHERE merchant_id = $1',
      [stack.merchantId],
    );
    expect(syncs).toEqual([{ products: barcodes.length }]);
  });

  it('hold an order with a SKU that maps to no product in error on our field, until an alias is added', async () => {
    const order = withUnknownSku('px-1');
    await stack.submit(order);
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'error');
    expect((await handle.query(statusQuery)).lastError).toMatchObject({
      field: 'lines[2].sku',
      message: 'lines[2].sku: "TEE-XL" has no EasyPost product; add an alias',
      type: 'InvalidOrder',
    });
    expect(stack.easyPostOrdersOf(order)).toEqual([]);

    let exception: Awaited<ReturnType<typeof findExceptions>> = [];
    await pollUntil(
      async () => {
        exception = (await findExceptions(stack.pool, { merchantId: stack.merchantId }))!.filter(
          (found) => found.order?.cartOrderId === order.cartOrderId,
        );
        return exception.length === 1;
      },
      { describe: () => JSON.stringify(exception) },
    );
    expect(exception[0]).toMatchObject({
      kind: 'unknown_sku',
      field: 'lines[2].sku',
      fix: `epf aliases set ${stack.merchantId} TEE-XL <barcode>, then epf orders retry '#px-1' --cart ${stack.cartId}`,
    });

    await createMappingStore(stack.pool).setAlias(stack.merchantId, 'TEE-XL', BARCODES.socks);
    await handle.signal(retryNowSignal);
    await waitForStatus(handle, 'at_wms');
    const [sent] = stack.easyPostOrdersOf(order);
    expect(sent?.line_items.map((line) => [line.product.barcode, line.units])).toEqual([
      [BARCODES.socks, 2],
      [BARCODES.tote, 1],
    ]);
  });

  it('let fixOrder replace the SKU instead', async () => {
    const order = withUnknownSku('px-2');
    await createMappingStore(stack.pool).setAlias(stack.merchantId, 'TEE-XL', 'NO-SUCH-BARCODE');
    await stack.submit(order);
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'error');
    expect((await handle.query(statusQuery)).lastError?.message).toBe(
      'lines[2].sku: "TEE-XL" is aliased to "NO-SUCH-BARCODE", which has no EasyPost product; fix the alias',
    );
    expect(await handle.executeUpdate(fixOrderUpdate, { args: [{ skus: { l3: 'TOTE' } }] })).toBe('sending');
    await waitForStatus(handle, 'at_wms');
  });
});
