import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Cart } from '../../../src/db/carts';
import { cartSettingsSchema } from '../../../src/merchants/settings';
import { reconcilePullSchedules } from '../../../src/schedules/reconcile';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';

let env: TestWorkflowEnvironment;
const taskQueue = uniqueTaskQueue('schedules');
const suffix = Date.now();

const cart = (id: string, type: string, orderPullSeconds = 300): Cart => ({
  id: `${id}-${suffix}`,
  merchantId: 'acme',
  type,
  name: id,
  settings: cartSettingsSchema.parse({ orderPullSeconds }),
});

beforeAll(async () => {
  env = await connectDevServer();
});

afterAll(async () => {
  await reconcilePullSchedules(env.client, [], taskQueue);
  await env?.teardown();
});

describe('reconcilePullSchedules', () => {
  it('creates, updates and deletes pull schedules to match the carts, and is idempotent', async () => {
    const shop = cart('shop', 'shopify');
    const woo = cart('woo', 'woocommerce', 120);
    const manual = cart('phone', 'manual');

    expect(await reconcilePullSchedules(env.client, [shop, woo, manual], taskQueue)).toEqual({
      created: [`pull:${shop.id}`, `pull:${woo.id}`],
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

    expect(await reconcilePullSchedules(env.client, [shop, woo, manual], taskQueue)).toEqual({
      created: [],
      updated: [],
      deleted: [],
    });

    const faster = cart('shop', 'shopify', 60);
    expect(await reconcilePullSchedules(env.client, [faster], taskQueue)).toEqual({
      created: [],
      updated: [`pull:${shop.id}`],
      deleted: [`pull:${woo.id}`],
    });
    expect((await env.client.schedule.getHandle(`pull:${shop.id}`).describe()).spec.intervals?.[0]?.every).toBe(60_000);
  });
});
