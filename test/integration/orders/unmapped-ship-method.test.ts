import { createMappingStore } from '../../../src/db/product-mapping';
import { findExceptions } from '../../../src/exceptions/find-exceptions';
import { retryNowSignal, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';

let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('unmapped-ship');
  await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
});

describe('a cart ship method with no rule, on a cart without a default service', () => {
  it('waits in error as an unmapped_ship_method exception, then goes out once a rule is added and retried', async () => {
    const order = stack.orderFor({ cartOrderId: 'pigeon-1', cartOrderNumber: '#P1', shipMethod: 'Carrier pigeon' });
    expect((await stack.submit(order)).outcome).toBe('started');
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'error');
    expect((await handle.query(statusQuery)).lastError).toMatchObject({ field: 'shipMethod' });

    let kinds: string[] = [];
    await pollUntil(
      async () => {
        const found = (await findExceptions(stack.pool, { merchantId: stack.merchantId })) ?? [];
        kinds = found.map((exception) => exception.kind);
        return kinds.includes('unmapped_ship_method');
      },
      { describe: () => `exceptions: ${kinds.join(', ')}` },
    );
    const [exception] = (await findExceptions(stack.pool, { merchantId: stack.merchantId }))!;
    expect(exception).toMatchObject({
      kind: 'unmapped_ship_method',
      field: 'shipMethod',
      fix: `epf ship-methods set ${stack.merchantId} 'Carrier pigeon' <service>, then epf orders retry '#P1' --cart ${stack.cartId}`,
    });
    expect(stack.easyPostOrdersOf(order)).toHaveLength(0);

    await createMappingStore(stack.pool).setShipMethod(stack.merchantId, 'Carrier pigeon', 'priority');
    await handle.signal(retryNowSignal);
    await waitForStatus(handle, 'at_wms');
    const [atEasyPost] = stack.easyPostOrdersOf(order);
    expect(atEasyPost?.service).toBe('priority');
  });
});
