import { CartRefusal, type CartAdapter, type PulledOrder } from '../../../../src/carts/adapter';
import { createShopifyAdapter } from '../../../../src/carts/shopify/adapter';
import { ShopifyApiError } from '../../../../src/carts/shopify/errors';
import {
  startShopifySimulator,
  type RunningShopifySimulator,
  type ShopCredentials,
} from '../../../../src/simulators/shopify';
import { shopifyCredentials } from '../../../helpers/shop-carts';

describe('Shopify adapter against the simulator', () => {
  let sim: RunningShopifySimulator;
  let shop: ShopCredentials;
  let sleeps: number[];
  let adapter: CartAdapter;

  beforeAll(async () => {
    sim = await startShopifySimulator();
  });
  afterAll(() => sim.close());

  /** A fresh shop; the bucket refills fast so waits stay short, and every wait is recorded. */
  function resetShop(bucket = { maximum_available: 1000, restore_rate: 5000 }) {
    sim.control.reset();
    shop = sim.control.createShop({ id: 'acme', bucket });
    sleeps = [];
    adapter = createShopifyAdapter({
      merchantId: 'acme',
      cartId: 'acme-shopify',
      credentials: { shopUrl: shop.shop_url, accessToken: shop.access_token, locationId: shop.location_id },
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
      timeoutMs: 2000,
    });
  }
  beforeEach(() => resetShop());

  const order = (lines: [string, number][] = [['SOCK-CHAR-M', 2]], extra: object = {}) =>
    sim.control.createOrder({
      shop: 'acme',
      order: { lines: lines.map(([sku, quantity]) => ({ sku, quantity })), ...extra },
    });

  const cartOrderIdOf = (pulled: PulledOrder) =>
    pulled.kind === 'order'
      ? pulled.order.cartOrderId
      : pulled.kind === 'malformed'
        ? pulled.draft.cartOrderId
        : pulled.cartOrderId;

  async function pullAll(): Promise<Awaited<ReturnType<CartAdapter['listOrders']>>[]> {
    const pages = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await adapter.listOrders(cursor);
      pages.push(page);
      cursor = page.cursor;
      if (!page.hasMore) return pages;
    }
  }

  it('lists requested fulfillment orders as cart orders, accepts them, and does not list them again', async () => {
    const fo = order(
      [
        ['TOTE-NAT', 1],
        ['TEE-WHT-S', 3],
      ],
      {
        name: '#2001',
        note: 'Gift wrap',
        shipping_line: { title: 'Express', code: 'EXP' },
      },
    );
    const page = await adapter.listOrders(undefined);
    expect(page.hasMore).toBe(false);
    expect(page.orders).toEqual([
      {
        kind: 'order',
        order: expect.objectContaining({
          merchantId: 'acme',
          cartId: 'acme-shopify',
          cartOrderId: fo.id,
          cartOrderNumber: '#2001',
          shipMethod: 'Express',
          note: 'Gift wrap',
          shipTo: expect.objectContaining({ name: 'Ada Lovelace', city: 'San Francisco', state: 'CA', country: 'US' }),
          lines: [
            { lineId: fo.lines[0]!.id, sku: 'TOTE-NAT', quantity: 1, title: 'TOTE-NAT' },
            { lineId: fo.lines[1]!.id, sku: 'TEE-WHT-S', quantity: 3, title: 'TEE-WHT-S' },
          ],
        }),
      },
    ]);
    await adapter.acceptOrder(fo.id);
    await adapter.acceptOrder(fo.id); // a retry after a lost answer changes nothing
    expect(sim.control.fulfillmentOrders('acme')[0]).toMatchObject({ request_status: 'ACCEPTED' });
    expect((await adapter.listOrders(page.cursor)).orders).toEqual([]);
    await expect(adapter.acceptOrder('gid://shopify/FulfillmentOrder/999999')).rejects.toBeInstanceOf(CartRefusal);
  });

  it('pages through 25 requested orders in three pages, each once; the next pull lists the open ones again', async () => {
    for (let i = 0; i < 25; i += 1) order();
    const pages = await pullAll();
    expect(pages.map((page) => page.orders.length)).toEqual([10, 10, 5]);
    const ids = pages.flatMap((page) => page.orders.map(cartOrderIdOf));
    expect(new Set(ids).size).toBe(25);
    for (const id of ids.slice(0, 20)) await adapter.acceptOrder(id);
    const placed = order();
    // A pull that got to the end leaves no cursor behind: the next one lists every request still open, from the start.
    const next = await adapter.listOrders(pages.at(-1)!.cursor);
    expect(next.orders.map(cartOrderIdOf)).toEqual([...ids.slice(20), placed.id]);
  });

  // Issue 15: the pull resumed after the last request it had listed, so a request that came later with an older id
  // (a released hold, a scheduled order coming due, a re-submitted request) sorted before the cursor and was lost.
  it.each(['on_hold', 'scheduled', 'unsubmitted'] as const)(
    'lists a request that comes late (%s) though pulls have listed newer orders since',
    async (unrequested) => {
      const late = sim.control.createOrder({ shop: 'acme', unrequested });
      expect(late).toMatchObject({ request_status: 'UNSUBMITTED', assignment_status: 'FULFILLMENT_UNSUBMITTED' });
      const placed = order();
      const first = await pullAll();
      expect(first.flatMap((page) => page.orders.map(cartOrderIdOf))).toEqual([placed.id]);
      await adapter.acceptOrder(placed.id);

      sim.control.requestFulfillment(late.id);
      const next = await adapter.listOrders(first.at(-1)!.cursor);
      expect(next.orders.map(cartOrderIdOf)).toEqual([late.id]);
    },
  );

  it('turns malformed fulfillment orders into `malformed`, naming our fields', async () => {
    for (const malformed of ['missing_address', 'bad_quantity', 'no_sku'] as const) {
      sim.control.createOrder({ shop: 'acme', malformed });
    }
    const { orders } = await adapter.listOrders(undefined);
    const fields = orders.map((o) => (o.kind === 'malformed' ? o.problems.map((p) => p.field) : o.kind));
    expect(fields).toEqual([['shipTo'], ['lines[0].quantity'], ['lines[0].sku']]);
    expect(orders[0]).toMatchObject({ kind: 'malformed', draft: { cartOrderNumber: '#1001', merchantId: 'acme' } });
  });

  it('reports cancellation requests once per pull and answers them idempotently', async () => {
    const fo = order();
    await adapter.acceptOrder(fo.id);
    sim.control.cancelOrder(fo.order_id, { reason: 'Ordered twice' });
    const { orders } = await adapter.listOrders(undefined);
    expect(orders).toEqual([
      { kind: 'cancelled', cartOrderId: fo.id, cartOrderNumber: '#1001', reason: 'Ordered twice' },
    ]);
    await adapter.answerCancellation(fo.id, { accepted: false, reason: 'Already shipped' });
    await adapter.answerCancellation(fo.id, { accepted: false, reason: 'Already shipped' });
    expect(sim.control.fulfillmentOrders('acme')[0]).toMatchObject({
      request_status: 'CANCELLATION_REJECTED',
      last_message: 'Already shipped',
    });
    await expect(adapter.answerCancellation(fo.id, { accepted: true, reason: 'x' })).rejects.toBeInstanceOf(
      CartRefusal,
    );
  });

  it('waits out THROTTLED answers for the time the bucket needs, then succeeds', async () => {
    resetShop({ maximum_available: 1000, restore_rate: 2000 });
    order();
    sim.control.addFault({ kind: 'throttle', times: 2 });
    const page = await adapter.listOrders(undefined);
    expect(page.orders).toHaveLength(1);
    // Listing page: requested 642 points from an empty bucket at 2000/s → 321 ms plus 50 ms of slack each time, less
    // what the bucket refilled while the answer travelled (2 points a millisecond; a loaded machine takes tens of ms).
    expect(sleeps).toHaveLength(2);
    for (const ms of sleeps) {
      expect(ms).toBeGreaterThan(250);
      expect(ms).toBeLessThanOrEqual(321 + 50);
    }
  });

  it.each([
    ['server_error', { status: 503 }],
    ['rate_limit', { status: 429, retryAfterMs: 1000 }],
    ['reset', {}],
  ] as const)('a %s fault throws a retryable ShopifyApiError, and the retry succeeds', async (kind, details) => {
    order();
    sim.control.addFault({ kind, times: 1 });
    const error = await adapter.listOrders(undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyApiError);
    expect(error).toMatchObject({ kind: 'transient', retryable: true, details });
    expect((await adapter.listOrders(undefined)).orders).toHaveLength(1);
  });

  it('a latency fault only delays the answer', async () => {
    order();
    sim.control.addFault({ kind: 'latency', latency_ms: 100, times: 1 });
    expect((await adapter.listOrders(undefined)).orders).toHaveLength(1);
  });

  it('points the fulfillment service at our webhook URL once, and takes no webhooks without the client secret', async () => {
    const withSecret = createShopifyAdapter({
      merchantId: 'acme',
      cartId: 'acme-shopify',
      credentials: shopifyCredentials(shop),
    });
    // The per-cart secret epf offers goes unused: Shopify signs with the app's client secret.
    const target = {
      url: 'https://epf.example.com/webhooks/carts/acme-shopify/shopify',
      secret: 'x',
      secretChanged: true,
    };
    expect(adapter.ensureWebhooks).toBeUndefined();
    const none = { created: [], updated: [], disabled: [] };
    expect(await withSecret.ensureWebhooks!(target)).toEqual({ ...none, created: ['fulfillment_order_notification'] });
    expect(await withSecret.ensureWebhooks!(target)).toEqual(none);
    expect(await withSecret.ensureWebhooks!({ ...target, url: `${target.url}-moved` })).toEqual({
      ...none,
      updated: ['fulfillment_order_notification'],
    });
    expect(sim.control.fulfillmentServices('acme')).toEqual([
      expect.objectContaining({
        callback_url: `${target.url}-moved`,
        tracking_support: false,
        inventory_management: false,
      }),
    ]);
    expect(sim.control.operations('acme')).toMatchObject({
      LocationFulfillmentService: 3,
      FulfillmentServiceUpdate: 2,
    });
  });

  it('refuses to register on a location that is no fulfillment service’s', async () => {
    const elsewhere = createShopifyAdapter({
      merchantId: 'acme',
      cartId: 'acme-shopify',
      credentials: { ...shopifyCredentials(shop), locationId: 'gid://shopify/Location/1' },
    });
    const target = { url: 'https://epf.example.com/webhooks/carts/x/shopify', secret: 'x', secretChanged: false };
    await expect(elsewhere.ensureWebhooks!(target)).rejects.toThrow(CartRefusal);
  });

  it('an unknown token is a non-retryable auth error', async () => {
    const wrong = createShopifyAdapter({
      merchantId: 'acme',
      cartId: 'acme-shopify',
      credentials: { shopUrl: shop.shop_url, accessToken: 'shpat_wrong', locationId: shop.location_id },
    });
    await expect(wrong.listOrders(undefined)).rejects.toMatchObject({ kind: 'auth', retryable: false });
    expect(() =>
      createShopifyAdapter({ merchantId: 'a', cartId: 'b', credentials: { shopUrl: 'nope', accessToken: '' } }),
    ).toThrow(/shopUrl, accessToken, locationId/);
  });

  it('accepts a request still open when its shipment is pushed (the accept at pull time did not land)', async () => {
    const fo = order([['TOTE-NAT', 1]]);
    await adapter.pushTracking({
      cartOrderId: fo.id,
      shipmentId: 'shp_1',
      carrier: 'USPS',
      trackingCode: '9400999',
      lines: [{ lineId: fo.lines[0]!.id, quantity: 1 }],
      orderComplete: true,
    });
    const [state] = sim.control.fulfillmentOrders('acme').filter((candidate) => candidate.id === fo.id);
    expect(state).toMatchObject({ status: 'CLOSED' });
    expect(sim.control.fulfillments('acme').map((f) => f.tracking.number)).toContain('9400999');
  });

  it('pushes a partial shipment, then the rest, each package once', async () => {
    const fo = order([
      ['TOTE-NAT', 2],
      ['TEE-WHT-S', 1],
    ]);
    await adapter.acceptOrder(fo.id);
    const first = {
      cartOrderId: fo.id,
      shipmentId: 'shp_1',
      carrier: 'USPS',
      trackingCode: '9400111',
      trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111',
      lines: [{ lineId: fo.lines[0]!.id, quantity: 1 }],
      orderComplete: false,
    };
    await adapter.pushTracking(first);
    await adapter.pushTracking(first);
    expect(sim.control.fulfillmentOrders('acme')[0]).toMatchObject({ status: 'IN_PROGRESS' });
    await adapter.pushTracking({
      ...first,
      shipmentId: 'shp_2',
      trackingCode: '9400222',
      lines: [
        { lineId: fo.lines[0]!.id, quantity: 1 },
        { lineId: fo.lines[1]!.id, quantity: 1 },
      ],
      orderComplete: true,
    });
    expect(sim.control.fulfillments('acme').map((f) => [f.tracking.number, f.lines])).toEqual([
      ['9400111', [{ line_item_id: fo.lines[0]!.id, sku: 'TOTE-NAT', quantity: 1 }]],
      [
        '9400222',
        [
          { line_item_id: fo.lines[0]!.id, sku: 'TOTE-NAT', quantity: 1 },
          { line_item_id: fo.lines[1]!.id, sku: 'TEE-WHT-S', quantity: 1 },
        ],
      ],
    ]);
    expect(sim.control.fulfillments('acme')[0]!.tracking.company).toBe('USPS');
    expect(sim.control.fulfillmentOrders('acme')[0]).toMatchObject({ status: 'CLOSED' });
    await expect(adapter.pushTracking({ ...first, trackingCode: '9400333' })).rejects.toBeInstanceOf(CartRefusal);
  });

  it('pushes 600 levels in 3 batches, looking each SKU up once and leaving out SKUs Shopify lacks', async () => {
    const skus = Array.from({ length: 600 }, (_, i) => `SKU-${String(i).padStart(3, '0')}`);
    sim.control.addInventoryItems({ shop: 'acme', skus });
    const levels = [...skus.map((sku, i) => ({ sku, quantity: i % 7 })), { sku: 'NOT-IN-SHOPIFY', quantity: 3 }];
    expect(await adapter.pushInventory(levels)).toEqual({ batches: 3 });
    const stock = new Map(sim.control.inventory('acme').map((level) => [level.sku, level.available]));
    expect(stock.get('SKU-000')).toBe(0);
    expect(stock.get('SKU-599')).toBe(599 % 7);
    expect(stock.has('NOT-IN-SHOPIFY')).toBe(false);
  });
});
