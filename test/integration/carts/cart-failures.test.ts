import { WorkflowFailedError } from '@temporalio/client';
import { SecretBox } from '../../../src/crypto/secret-box';
import { createCartStore } from '../../../src/db/carts';
import { CART_FAILURES_BEFORE_EXCEPTION } from '../../../src/exceptions/cart-failures';
import { findExceptions } from '../../../src/exceptions/find-exceptions';
import { startWooCommerceSimulator, type RunningWooCommerceSimulator } from '../../../src/simulators/woocommerce';
import type { SiteKeys } from '../../../src/simulators/woocommerce/control';
import { pullOrdersWorkflow } from '../../../workflows';
import { TEST_SECRET_KEY } from '../../helpers/database';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pullScheduleId } from '../../../workflows/definitions';

// Cart trouble is an exception like a refused EasyPost key: a cart refusing our credentials at once, a cart whose
// pulls keep failing after CART_FAILURES_BEFORE_EXCEPTION attempts in a row; the next good pull clears either.
let stack: OrderStack;
let woo: RunningWooCommerceSimulator;
let site: SiteKeys;

beforeAll(async () => {
  stack = await startOrderStack('cartfail');
  woo = await startWooCommerceSimulator();
  site = woo.control.createSite({ name: 'Cart failures store' });
  await stack.startWorker();
});

afterAll(async () => {
  await Promise.all([woo?.close(), stack?.close()]);
});

async function addCart(id: string, keys: { siteUrl: string; consumerSecret: string }) {
  const cartId = `${stack.merchantId}-${id}`;
  await createCartStore(stack.pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: cartId,
    merchantId: stack.merchantId,
    type: 'woocommerce',
    name: 'Woo store',
    credentials: { siteUrl: keys.siteUrl, consumerKey: site.consumer_key, consumerSecret: keys.consumerSecret },
  });
  return cartId;
}

/** One run of the cart's pull; true when it went through. */
async function pull(cartId: string): Promise<boolean> {
  try {
    await stack.env.client.workflow.execute(pullOrdersWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: `${pullScheduleId(cartId)}:${Date.now()}`,
      args: [{ cartId }],
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowFailedError) return false;
    throw err;
  }
}

async function cartExceptions(cartId: string) {
  const found = (await findExceptions(stack.pool, { merchantId: stack.merchantId })) ?? [];
  return found.filter((exception) => exception.cartId === cartId);
}

describe('cart failures as exceptions', () => {
  it('makes a cart refusing our credentials an exception naming the fix, until a pull goes through', async () => {
    const cartId = await addCart('badkey', { siteUrl: site.site_url, consumerSecret: 'cs_wrong' });
    expect(await pull(cartId)).toBe(false);
    expect(await cartExceptions(cartId)).toEqual([
      expect.objectContaining({
        kind: 'cart_auth_failed',
        merchantId: stack.merchantId,
        reason: expect.stringMatching(/^the woocommerce cart \S+ refused epf's credentials on its order pull: .*401/),
        fix:
          `epf carts add ${cartId} --merchant ${stack.merchantId} --type woocommerce --name 'Woo store' ` +
          `--credentials-file <new credentials.json>, then epf schedules trigger ${pullScheduleId(cartId)}`,
      }),
    ]);

    await addCart('badkey', { siteUrl: site.site_url, consumerSecret: site.consumer_secret });
    expect(await pull(cartId)).toBe(true);
    expect(await cartExceptions(cartId)).toEqual([]);
  });

  it('makes a cart whose pulls keep failing an exception once they failed enough times in a row', async () => {
    const cartId = await addCart('gone', { siteUrl: `${woo.url}/sites/gone`, consumerSecret: site.consumer_secret });
    for (let i = 1; i < CART_FAILURES_BEFORE_EXCEPTION; i += 1) expect(await pull(cartId)).toBe(false);
    expect(await cartExceptions(cartId)).toEqual([]);

    expect(await pull(cartId)).toBe(false);
    expect(await cartExceptions(cartId)).toEqual([
      expect.objectContaining({
        kind: 'cart_failing',
        reason: expect.stringMatching(
          new RegExp(`^${CART_FAILURES_BEFORE_EXCEPTION} order pull attempts of cart \\S+ failed in a row: .*404`),
        ),
        fix: `check that the woocommerce store answers (its URL, its status page), then epf schedules trigger ${pullScheduleId(cartId)}`,
      }),
    ]);
  });
});
