import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Cart } from '../../../src/db/carts';
import type { Merchant } from '../../../src/db/merchants';
import { cartSettingsSchema, merchantSettingsSchema } from '../../../src/domain/merchant-settings';
import { reconcileSchedules } from '../../../src/schedules/reconcile';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';

let env: TestWorkflowEnvironment;
const taskQueue = uniqueTaskQueue('schedules');
const suffix = Date.now();

const cart = (id: string, type: string, orderPullSeconds = 300, inventoryPushSeconds = 900): Cart => ({
  id: `${id}-${suffix}`,
  merchantId: 'acme',
  type,
  name: id,
  settings: cartSettingsSchema.parse({ orderPullSeconds, inventoryPushSeconds }),
});
const merchant = (id: string, shipmentPickupSeconds = 300, inventoryPickupSeconds = 900): Merchant => ({
  id: `${id}-${suffix}`,
  name: id,
  mode: 'test',
  hasTestKey: true,
  hasProductionKey: false,
  settings: merchantSettingsSchema.parse({ shipmentPickupSeconds, inventoryPickupSeconds }),
});

beforeAll(async () => {
  env = await connectDevServer();
});

afterAll(async () => {
  await reconcileSchedules(env.client, { carts: [], merchants: [] }, taskQueue);
  await env?.teardown();
});

describe('reconcileSchedules', () => {
  it('creates, updates and deletes pull, pickup and push schedules to match the config, and is idempotent', async () => {
    const shop = cart('shop', 'shopify');
    const woo = cart('woo', 'woocommerce', 120, 600);
    const manual = cart('phone', 'manual');
    const acme = merchant('acme', 600, 1200);

    expect(await reconcileSchedules(env.client, { carts: [shop, woo, manual], merchants: [acme] }, taskQueue)).toEqual({
      created: [
        `pull:${shop.id}`,
        `pull:${woo.id}`,
        `shipments:${acme.id}`,
        `inventory-pickup:${acme.id}`,
        `inventory-push:${shop.id}`,
        `inventory-push:${woo.id}`,
        `duplicates:${acme.id}`,
      ],
      updated: [],
      deleted: [],
    });
    const described = await env.client.schedule.getHandle(`pull:${woo.id}`).describe();
    expect(described.spec.intervals?.[0]?.every).toBe(120_000);
    expect(described.policies.overlap).toBe('SKIP');
    expect(described.action).toMatchObject({
      workflowType: 'pullOrdersWorkflow',
      taskQueue,
      args: [{ cartId: woo.id }],
    });
    const pickup = await env.client.schedule.getHandle(`shipments:${acme.id}`).describe();
    expect(pickup.action).toMatchObject({ workflowType: 'shipmentPickupWorkflow', args: [{ merchantId: acme.id }] });
    expect(pickup.spec.intervals?.[0]?.every).toBe(600_000);
    const inventory = await env.client.schedule.getHandle(`inventory-pickup:${acme.id}`).describe();
    expect(inventory.action).toMatchObject({
      workflowType: 'inventoryPickupWorkflow',
      args: [{ merchantId: acme.id }],
    });
    expect(inventory.spec.intervals?.[0]?.every).toBe(1_200_000);
    expect(inventory.policies.overlap).toBe('SKIP');
    const push = await env.client.schedule.getHandle(`inventory-push:${woo.id}`).describe();
    expect(push.action).toMatchObject({ workflowType: 'inventoryPushWorkflow', args: [{ cartId: woo.id }] });
    expect(push.spec.intervals?.[0]?.every).toBe(600_000);

    const unchanged = { carts: [shop, woo, manual], merchants: [acme] };
    expect(await reconcileSchedules(env.client, unchanged, taskQueue)).toEqual({
      created: [],
      updated: [],
      deleted: [],
    });

    const faster = cart('shop', 'shopify', 60);
    const acmeFasterStock = merchant('acme', 600, 300);
    expect(await reconcileSchedules(env.client, { carts: [faster], merchants: [acmeFasterStock] }, taskQueue)).toEqual({
      created: [],
      updated: [`pull:${shop.id}`, `inventory-pickup:${acme.id}`],
      deleted: [`inventory-push:${woo.id}`, `pull:${woo.id}`],
    });
    expect((await env.client.schedule.getHandle(`pull:${shop.id}`).describe()).spec.intervals?.[0]?.every).toBe(60_000);
    const updatedInventory = await env.client.schedule.getHandle(`inventory-pickup:${acme.id}`).describe();
    expect(updatedInventory.spec.intervals?.[0]?.every).toBe(300_000);
  });
});
