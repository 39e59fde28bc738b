import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { retryNowSignal, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';

// A send attempt must never outlive its own deadline: Temporal retries an attempt that ran out of time, and the retry
// looks the order up by its marker. An attempt still on its way to EasyPost then would create the order a second time.

let stack: OrderStack;

beforeAll(async () => {
  stack = await startOrderStack('send-deadline');
  await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
});

describe('a resend whose lookup and create are both slow', () => {
  it('finishes the create within the attempt, so its retry never creates a second order', async () => {
    const order = stack.orderFor({ lines: [{ lineId: 'l1', sku: 'TEE-S', quantity: 1 }] });
    const ours = () => stack.easyPostOrdersOf(order);
    await stack.submit(order);
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'on_hold'); // sent once, refused for stock: the resend looks for it first

    const [warehouse] = await stack.easyPost().listWarehouses();
    stack.sim.control.setStock({
      api_key: DEMO_KEYS.test_key,
      barcode: BARCODES.teeS,
      warehouse_id: warehouse!.id,
      quantity: 5,
    });
    // Each call answers within the client's 20 s timeout, but together they take 37 s: an attempt sized for one call
    // (30 s) would be retried while its create is still on its way.
    stack.sim.control.addFault({ route: 'GET /orders', kind: 'latency', latency_ms: 18_000, times: 1 });
    stack.sim.control.addFault({ route: 'POST /orders', kind: 'latency', latency_ms: 19_000, times: 1 });
    await handle.signal(retryNowSignal);

    await waitForStatus(handle, 'at_wms', 90_000);
    // Give a create still on its way from the slow attempt the time to land, were it sent.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(ours()).toHaveLength(1);
    expect((await handle.query(statusQuery)).easyPostOrderId).toBe(ours()[0]!.id);
  }, 150_000);
});
