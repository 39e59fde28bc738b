import { SecretBox } from '../../../src/crypto/secret-box';
import { createMerchantStore, type MerchantStore } from '../../../src/db/merchants';
import type { CartOrder } from '../../../src/domain/order';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { inventoryPickupWorkflow, shipmentPickupWorkflow } from '../../../workflows';
import { statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { TEST_SECRET_KEY } from '../../helpers/database';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';

// One EasyPost account, two worlds: the simulator keeps the test key's orders and stock apart from the production
// key's, as EasyPost does. The stack's merchant starts in test mode with only the test key.
let stack: OrderStack;
let merchants: MerchantStore;
/** The EasyPost key of every request the activities sent to the simulator, in order. */
let keysSent: string[] = [];

beforeAll(async () => {
  stack = await startOrderStack('mode');
  merchants = createMerchantStore(stack.pool, new SecretBox(TEST_SECRET_KEY));
  // Activities run in this process: wrap fetch to read the Basic-auth user (the key) of each simulator request.
  const realFetch = globalThis.fetch;
  jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const authorization = new Headers(init?.headers).get('authorization');
    if (String(input).startsWith(stack.sim.url) && authorization) {
      keysSent.push(
        Buffer.from(authorization.replace(/^Basic /, ''), 'base64')
          .toString()
          .replace(/:$/, ''),
      );
    }
    return realFetch(input, init);
  });
  await stack.startWorker();
});

afterAll(async () => {
  jest.restoreAllMocks();
  await stack?.close();
});

/** Runs the order to `at_wms` and both pickups, as the schedules would; returns the order's EasyPost ID. */
async function sendAndPickUp(order: CartOrder): Promise<string> {
  expect((await stack.submit(order)).outcome).toBe('started');
  await waitForStatus(stack.handleOf(order), 'at_wms');
  for (const workflow of [inventoryPickupWorkflow, shipmentPickupWorkflow]) {
    await stack.env.client.workflow.execute(workflow, {
      taskQueue: stack.taskQueue,
      workflowId: `${workflow.name}:${stack.merchantId}:${Date.now()}`,
      args: [{ merchantId: stack.merchantId }],
    });
  }
  return (await stack.handleOf(order).query(statusQuery)).easyPostOrderId!;
}

/** Every request the simulator logged carried `key`, and the spy saw each of them. */
function expectOnlyKey(key: string): void {
  expect(keysSent.length).toBeGreaterThan(0);
  expect(new Set(keysSent)).toEqual(new Set([key]));
  expect(stack.sim.control.requests()).toHaveLength(keysSent.length);
}

const orderIds = (apiKey: string) => stack.sim.control.orders(apiKey).map((order) => order.id);

describe('test and production mode', () => {
  it('keeps a merchant in test mode out of the production world', async () => {
    const easyPostOrderId = await sendAndPickUp(stack.orderFor());

    expectOnlyKey(DEMO_KEYS.test_key);
    expect(orderIds(DEMO_KEYS.test_key)).toEqual([easyPostOrderId]);
    expect(orderIds(DEMO_KEYS.production_key)).toEqual([]);
  });

  it('refuses production without its key, then switches with an audit row; the next order goes to production', async () => {
    await expect(merchants.update(stack.merchantId, { mode: 'production' }, 'ops')).rejects.toThrow(
      `merchant ${stack.merchantId} has no EasyPost production key: set it with epf merchants add ${stack.merchantId} --production-key-env VAR`,
    );
    expect((await merchants.get(stack.merchantId))?.mode).toBe('test');

    await merchants.upsert({ id: stack.merchantId, name: 'mode merchant', productionKey: DEMO_KEYS.production_key });
    const switched = await merchants.update(stack.merchantId, { mode: 'production' }, 'ops');
    expect(switched?.changes).toEqual({ before: { mode: 'test' }, after: { mode: 'production' } });
    const { rows: audit } = await stack.pool.query(
      "SELECT actor, detail FROM audit_log WHERE merchant_id = $1 AND action = 'merchant.mode'",
      [stack.merchantId],
    );
    expect(audit).toEqual([{ actor: 'ops', detail: { from: 'test', to: 'production' } }]);

    // The worker keeps running: its next activity loads the key of the new mode.
    keysSent = [];
    stack.sim.control.clearRequests();
    const testOrders = orderIds(DEMO_KEYS.test_key);
    const easyPostOrderId = await sendAndPickUp(stack.orderFor());

    expectOnlyKey(DEMO_KEYS.production_key);
    expect(orderIds(DEMO_KEYS.production_key)).toEqual([easyPostOrderId]);
    expect(orderIds(DEMO_KEYS.test_key)).toEqual(testOrders);
  });
});
