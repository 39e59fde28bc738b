import { orderWorkflowId } from '../../../src/domain/order';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../src/simulators/shopify';
import { startWooCommerceSimulator, type RunningWooCommerceSimulator } from '../../../src/simulators/woocommerce';
import { pullOrdersWorkflow } from '../../../workflows';
import { pullScheduleId, statusQuery } from '../../../workflows/definitions';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';
import { addShopCarts } from '../../helpers/shop-carts';

// Issue 15: a Shopify pull resumed after the last fulfillment request it had listed. A request that came later with
// an older id (a released hold, a scheduled order coming due, a re-submitted request) sorted before that cursor and
// its order was lost. Now every pull lists the open requests from the start, and the orders index and the pending
// accepts keep a request listed again from costing a second start or a second accept.
let stack: OrderStack;
let shopify: RunningShopifySimulator;
let woo: RunningWooCommerceSimulator;
let shopId: string;
let shopCartId: string;

beforeAll(async () => {
  stack = await startOrderStack('late-requests');
  await stack.startWorker();
  [shopify, woo] = await Promise.all([startShopifySimulator(), startWooCommerceSimulator()]);
  const shop = shopify.control.createShop();
  shopId = shop.shop_id;
  ({ shopCartId } = await addShopCarts(stack.pool, stack.merchantId, { shop, site: woo.control.createSite() }));
});

afterAll(async () => {
  await Promise.all([shopify?.close(), woo?.close()]);
  await stack?.close();
});

let runs = 0;
const pull = () =>
  stack.env.client.workflow.execute(pullOrdersWorkflow, {
    taskQueue: stack.taskQueue,
    workflowId: `${pullScheduleId(shopCartId)}:${(runs += 1)}`,
    args: [{ cartId: shopCartId }],
  });

const placeOrder = (extra: { unrequested?: 'on_hold'; malformed?: 'missing_address'; createdAt?: string } = {}) =>
  shopify.control.createOrder({
    shop: shopId,
    order: {
      lines: [{ sku: 'SOCK-M', quantity: 1 }],
      shipping_line: { title: 'Standard' },
      ...(extra.createdAt ? { created_at: extra.createdAt } : {}),
    },
    ...(extra.unrequested ? { unrequested: extra.unrequested } : {}),
    ...(extra.malformed ? { malformed: extra.malformed } : {}),
  });

const statusOf = async (cartOrderId: string) =>
  (await stack.env.client.workflow.getHandle(orderWorkflowId(shopCartId, cartOrderId)).query(statusQuery)).status;

const acceptsRun = () => shopify.control.operations(shopId).FulfillmentOrderAcceptFulfillmentRequest ?? 0;

const indexedOrders = async () =>
  (await stack.pool.query('SELECT 1 FROM orders WHERE cart_id = $1', [shopCartId])).rowCount ?? 0;

/** The orders index counts `expected` orders of the cart, once their workflows have recorded themselves. */
const untilIndexed = (expected: number) =>
  pollUntil(async () => (await indexedOrders()) === expected, {
    timeoutMs: 20_000,
    describe: () => `${expected} orders in the index`,
  });

it('starts an order whose fulfillment request came after a pull that listed a newer order', async () => {
  const held = placeOrder({ unrequested: 'on_hold', createdAt: new Date(Date.now() - 3_600_000).toISOString() });
  const placed = placeOrder();
  expect(await pull()).toMatchObject({ pulled: 1, started: 1, duplicates: 0 });
  await pollUntil(async () => (await statusOf(placed.id)) === 'at_wms', { timeoutMs: 20_000 });

  // The merchant releases the hold: the request keeps its older id and creation time.
  shopify.control.requestFulfillment(held.id);
  expect(await pull()).toMatchObject({ pulled: 1, started: 1, duplicates: 0 });
  await pollUntil(async () => (await statusOf(held.id)) === 'at_wms', { timeoutMs: 20_000 });
  const requests = shopify.control.fulfillmentOrders(shopId).map((fo) => [fo.id, fo.request_status]);
  expect(requests).toEqual([
    [held.id, 'ACCEPTED'],
    [placed.id, 'ACCEPTED'],
  ]);
});

it('lists the open requests again on the next pulls without starting or accepting anything twice', async () => {
  const [startedBefore, acceptsBefore] = [await indexedOrders(), acceptsRun()];
  const [first, second] = [placeOrder(), placeOrder()];
  const malformed = placeOrder({ malformed: 'missing_address' });
  // The first order's accept fails at pull time, and again when the next pull repeats it.
  const failOneAccept = () =>
    shopify.control.addFault({ operation: 'FulfillmentOrderAcceptFulfillmentRequest', kind: 'server_error', times: 1 });
  failOneAccept();
  const acceptsLanded = () => acceptsRun() - acceptsBefore; // failed ones never reach the shop

  expect(await pull()).toMatchObject({ pulled: 3, started: 2, malformed: 1, duplicates: 0, acceptsDeferred: 1 });
  expect(acceptsLanded()).toBe(2); // the second order's and the malformed one's
  await pollUntil(async () => (await statusOf(malformed.id)) === 'error', { timeoutMs: 20_000 });

  // Still open, the first order is listed again, known, and not accepted a second time in the pull that repeated it.
  failOneAccept();
  expect(await pull()).toMatchObject({ pulled: 1, started: 0, malformed: 0, duplicates: 1, acceptsRepaired: 0 });
  expect(acceptsLanded()).toBe(2);
  // The repeat lands, and nothing is listed again.
  expect(await pull()).toMatchObject({ pulled: 0, started: 0, duplicates: 0, acceptsDeferred: 0, acceptsRepaired: 1 });
  expect(await pull()).toMatchObject({ pulled: 0, started: 0, duplicates: 0, acceptsDeferred: 0, acceptsRepaired: 0 });
  expect(acceptsLanded()).toBe(3);

  await untilIndexed(startedBefore + 3);
  const statuses = new Map(shopify.control.fulfillmentOrders(shopId).map((fo) => [fo.id, fo.request_status]));
  expect([first.id, second.id, malformed.id].map((id) => statuses.get(id))).toEqual([
    'ACCEPTED',
    'ACCEPTED',
    'ACCEPTED',
  ]);
});

it('starts every order when a share of the requests come late, as the late_request fault makes them', async () => {
  const before = await indexedOrders();
  shopify.control.clearRequests();
  shopify.control.addFault({ kind: 'late_request', rate: 0.4, seed: 15 });
  const placed: string[] = [];
  let started = 0;
  // Orders arrive between pulls, so each late request sorts before orders an earlier pull has listed.
  for (let wave = 0; wave < 4; wave += 1) {
    for (let i = 0; i < 5; i += 1) placed.push(placeOrder().id);
    started += (await pull()).started;
  }
  shopify.control.clearFaults();
  started += (await pull()).started;
  started += (await pull()).started;

  expect(shopify.control.faultCounts().late_request).toBeGreaterThan(0);
  expect(started).toBe(placed.length);
  await untilIndexed(before + placed.length);
  const accepted = shopify.control.fulfillmentOrders(shopId).filter((fo) => placed.includes(fo.id));
  expect(accepted.map((fo) => fo.request_status)).toEqual(placed.map(() => 'ACCEPTED'));
});

// Found by chaos at 1,000 orders: a malformed order, never accepted, that its buyer cancelled stayed in error for good,
// as Shopify closes a request never accepted without a cancellation request.
it('cancels a malformed order the buyer cancels while it waits in error for a fix', async () => {
  const malformed = placeOrder({ malformed: 'missing_address' });
  await pull();
  await pollUntil(async () => (await statusOf(malformed.id)) === 'error', { timeoutMs: 20_000 });

  shopify.control.cancelOrder(malformed.order_id, { reason: 'Customer changed their mind' });
  await pull();
  await pollUntil(async () => (await statusOf(malformed.id)) === 'cancelled', {
    timeoutMs: 20_000,
    describe: () => 'the malformed order was not cancelled',
  });
  // Told the cancellation went through, Shopify closes the request.
  const statusInShopify = () => shopify.control.fulfillmentOrders(shopId).find((fo) => fo.id === malformed.id)?.status;
  await pollUntil(() => statusInShopify() === 'CLOSED', { timeoutMs: 20_000, describe: () => `${statusInShopify()}` });
});
