import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Cart } from '../../../src/db/carts';
import type { Merchant } from '../../../src/db/merchants';
import { cartSettingsSchema, merchantSettingsSchema } from '../../../src/domain/merchant-settings';
import { reconcileSchedules } from '../../../src/schedules/reconcile';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';
import {
  duplicateCheckScheduleId,
  inventoryPickupScheduleId,
  inventoryPushScheduleId,
  pullScheduleId,
  shipmentPickupScheduleId,
  WorkflowType,
} from '../../../workflows/definitions';

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
        pullScheduleId(shop.id),
        pullScheduleId(woo.id),
        shipmentPickupScheduleId(acme.id),
        inventoryPickupScheduleId(acme.id),
        inventoryPushScheduleId(shop.id),
        inventoryPushScheduleId(woo.id),
        duplicateCheckScheduleId(acme.id),
      ],
      updated: [],
      deleted: [],
    });
    const described = await env.client.schedule.getHandle(pullScheduleId(woo.id)).describe();
    expect(described.spec.intervals?.[0]?.every).toBe(120_000);
    expect(described.policies.overlap).toBe('SKIP');
    expect(described.action).toMatchObject({
      workflowType: WorkflowType.pullOrders,
      taskQueue,
      args: [{ cartId: woo.id }],
    });
    const pickup = await env.client.schedule.getHandle(shipmentPickupScheduleId(acme.id)).describe();
    expect(pickup.action).toMatchObject({ workflowType: WorkflowType.shipmentPickup, args: [{ merchantId: acme.id }] });
    expect(pickup.spec.intervals?.[0]?.every).toBe(600_000);
    const inventory = await env.client.schedule.getHandle(inventoryPickupScheduleId(acme.id)).describe();
    expect(inventory.action).toMatchObject({
      workflowType: WorkflowType.inventoryPickup,
      args: [{ merchantId: acme.id }],
    });
    expect(inventory.spec.intervals?.[0]?.every).toBe(1_200_000);
    expect(inventory.policies.overlap).toBe('SKIP');
    const push = await env.client.schedule.getHandle(inventoryPushScheduleId(woo.id)).describe();
    expect(push.action).toMatchObject({ workflowType: WorkflowType.inventoryPush, args: [{ cartId: woo.id }] });
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
      updated: [pullScheduleId(shop.id), inventoryPickupScheduleId(acme.id)],
      deleted: [inventoryPushScheduleId(woo.id), pullScheduleId(woo.id)],
    });
    expect((await env.client.schedule.getHandle(pullScheduleId(shop.id)).describe()).spec.intervals?.[0]?.every).toBe(
      60_000,
    );
    const updatedInventory = await env.client.schedule.getHandle(inventoryPickupScheduleId(acme.id)).describe();
    expect(updatedInventory.spec.intervals?.[0]?.every).toBe(300_000);
  });
});
