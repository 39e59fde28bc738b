import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../../src/api/app';
import { SecretBox } from '../../../src/crypto/secret-box';
import { createCartStore } from '../../../src/db/carts';
import { orderDetails } from '../../../src/orders/order-details';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { startShopifySimulator, type RunningShopifySimulator } from '../../../src/simulators/shopify';
import type { OrderInput } from '../../../src/simulators/shopify/control-schemas';
import { pullOrdersWorkflow } from '../../../workflows';
import { BARCODES, startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { pollUntil } from '../../helpers/poll';
import { TEST_SECRET_KEY } from '../../helpers/database';
import { runEpf } from '../cli/run-epf';
import { pullScheduleId } from '../../../workflows/definitions';

// Every order a pull brings must land in exactly one place: started, skipped with its rule, or waiting in error.
const EARLIEST = '2026-11-01T00:00:00Z';
const EARLY_RULE = `placed before the cart's earliest order date ${EARLIEST}`;
const FILTER_RULE = "every line filtered out by the cart's deny-list (GIFT-*)";
const API_TOKEN = 'skipped-orders-token-'.padEnd(40, 'x');

type Order = NonNullable<OrderInput['order']>;
const socks = { sku: 'SOCK-M', quantity: 1 };
const early: Order = { lines: [socks], created_at: '2026-10-15T12:00:00Z' };
/** The page, in the cart's order: what each order is, and how it is built. */
const PAGE: { expect: 'started' | 'skipped' | 'error'; order: Order; malformed?: OrderInput['malformed'] }[] = [
  { expect: 'skipped', order: early },
  { expect: 'started', order: { lines: [socks] } },
  { expect: 'skipped', order: { lines: [{ sku: 'GIFT-CARD-25', quantity: 1 }] } },
  { expect: 'error', order: { lines: [socks] }, malformed: 'missing_address' },
  { expect: 'started', order: { lines: [socks, { sku: 'GIFT-WRAP', quantity: 1 }] } },
  { expect: 'skipped', order: early },
  {
    expect: 'skipped',
    order: {
      lines: [
        { sku: 'GIFT-CARD-50', quantity: 2 },
        { sku: 'GIFT-WRAP', quantity: 1 },
      ],
    },
  },
  { expect: 'error', order: { lines: [socks] }, malformed: 'no_sku' },
  { expect: 'started', order: { lines: [socks] } },
];

let stack: OrderStack;
let shopify: RunningShopifySimulator;
let api: FastifyInstance;
let apiUrl: string;
let cartId: string;
/** The cart's order name (its number) of each PAGE entry. */
let names: string[];

beforeAll(async () => {
  stack = await startOrderStack('skipped');
  shopify = await startShopifySimulator();
  const shop = shopify.control.createShop({
    name: 'Skipped orders shop',
    bucket: { maximum_available: 20_000, restore_rate: 1_000 },
  });
  cartId = `${stack.merchantId}-shop`;
  await createCartStore(stack.pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: cartId,
    merchantId: stack.merchantId,
    type: 'shopify',
    name: 'Shopify',
    credentials: { shopUrl: shop.shop_url, accessToken: shop.access_token, locationId: shop.location_id },
    settings: { earliestOrderAt: EARLIEST, itemFilter: { mode: 'deny', patterns: ['GIFT-*'] } },
  });
  const [warehouse] = await stack.easyPost().listWarehouses();
  stack.sim.control.setStock({
    api_key: DEMO_KEYS.test_key,
    barcode: BARCODES.socks,
    warehouse_id: warehouse!.id,
    quantity: 100,
  });
  names = PAGE.map(
    ({ order, malformed }) =>
      shopify.control.createOrder({
        shop: shop.shop_id,
        order: { shipping_line: { title: 'Standard' }, ...order },
        ...(malformed ? { malformed } : {}),
      }).order_name,
  );
  await stack.startWorker();
  api = buildApi({ pool: stack.pool, temporal: stack.env.client, apiToken: API_TOKEN, taskQueue: stack.taskQueue });
  apiUrl = await api.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await api?.close();
  await Promise.all([shopify?.close(), stack?.close()]);
});

const namesWhere = (expected: string) => names.filter((_, i) => PAGE[i]!.expect === expected).sort();

async function indexRows() {
  const { rows } = await stack.pool.query<{ cart_order_number: string; status: string; easypost_order_id: string }>(
    'SELECT cart_order_number, status, easypost_order_id FROM orders WHERE cart_id = $1',
    [cartId],
  );
  return rows;
}

describe('a pulled page with early, fully filtered and malformed orders', () => {
  it('accounts for every cart order exactly once: started, skipped with its rule, or in error', async () => {
    const totals = await stack.env.client.workflow.execute(pullOrdersWorkflow, {
      taskQueue: stack.taskQueue,
      workflowId: `${pullScheduleId(cartId)}:${Date.now()}`,
      args: [{ cartId }],
    });
    expect(totals).toMatchObject({ pulled: PAGE.length, started: 3, skipped: 4, malformed: 2, duplicates: 0 });

    let rows: Awaited<ReturnType<typeof indexRows>> = [];
    await pollUntil(
      async () => {
        rows = await indexRows();
        return rows.length === 5 && rows.every((row) => ['at_wms', 'error'].includes(row.status));
      },
      { timeoutMs: 60_000, intervalMs: 250, describe: () => JSON.stringify(rows) },
    );
    const { rows: skipped } = await stack.pool.query<{ cart_order_number: string; rule: string }>(
      'SELECT cart_order_number, rule FROM skipped_orders WHERE cart_id = $1',
      [cartId],
    );
    const started = rows.filter((row) => row.status !== 'error').map((row) => row.cart_order_number);
    const inError = rows.filter((row) => row.status === 'error').map((row) => row.cart_order_number);
    const skippedNames = skipped.map((row) => row.cart_order_number);
    expect([...started, ...skippedNames, ...inError].sort()).toEqual([...names].sort());
    expect(started.sort()).toEqual(namesWhere('started'));
    expect(skippedNames.sort()).toEqual(namesWhere('skipped'));
    expect(inError.sort()).toEqual(namesWhere('error'));
    const ruleOf = new Map(skipped.map((row) => [row.cart_order_number, row.rule]));
    expect(PAGE.flatMap((entry, i) => (entry.expect === 'skipped' ? [ruleOf.get(names[i]!)] : []))).toEqual([
      EARLY_RULE,
      FILTER_RULE,
      EARLY_RULE,
      FILTER_RULE,
    ]);
  });

  it('sends a partly filtered order without its filtered lines, and shows them on the order', async () => {
    const name = names[4]!;
    const row = (
      await stack.pool.query('SELECT * FROM orders WHERE cart_id = $1 AND cart_order_number = $2', [cartId, name])
    ).rows[0];
    const atEasyPost = stack.sim.control.orders(DEMO_KEYS.test_key).find((o) => o.id === row.easypost_order_id);
    expect(atEasyPost?.line_items.map((line) => [line.product.barcode, line.units])).toEqual([[BARCODES.socks, 1]]);

    const details = await orderDetails(stack.pool, async () => stack.env.client, row);
    expect(details.filteredLines).toEqual([
      expect.objectContaining({ sku: 'GIFT-WRAP', quantity: 1, reason: `matches "GIFT-*" on the cart's deny-list` }),
    ]);
    const shown = await runEpf(stack.taskQueue, ['orders', 'show', name, '--cart', cartId]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/Not sent \(the cart's item filter\):[\s\S]*GIFT-WRAP/);
  });

  it('lists the skipped orders with their rules in GET /orders/skipped and epf orders list --skipped', async () => {
    const expected = PAGE.flatMap((entry, i) =>
      entry.expect === 'skipped'
        ? [{ cartOrderNumber: names[i]!, rule: entry.order === early ? EARLY_RULE : FILTER_RULE }]
        : [],
    );
    const byNumber = (a: { cartOrderNumber: string }, b: { cartOrderNumber: string }) =>
      a.cartOrderNumber.localeCompare(b.cartOrderNumber);
    expected.sort(byNumber);

    const response = await fetch(`${apiUrl}/orders/skipped?cart=${cartId}`, {
      headers: { authorization: `Bearer ${API_TOKEN}` },
    });
    expect(response.status).toBe(200);
    const { skipped } = (await response.json()) as { skipped: { cartOrderNumber: string; rule: string }[] };
    expect(skipped.map(({ cartOrderNumber, rule }) => ({ cartOrderNumber, rule })).sort(byNumber)).toEqual(expected);

    const listed = await runEpf(stack.taskQueue, ['orders', 'list', '--skipped', '--cart', cartId, '--json']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    const rows = JSON.parse(listed.stdout) as { cartOrderNumber: string; rule: string }[];
    expect(rows.map(({ cartOrderNumber, rule }) => ({ cartOrderNumber, rule })).sort(byNumber)).toEqual(expected);
  });
});
