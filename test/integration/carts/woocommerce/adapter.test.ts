import type { CartAdapter } from '../../../../src/carts/adapter';
import { CartRefusal } from '../../../../src/carts/adapter';
import {
  createWooCommerceAdapter,
  WooCommerceUnavailable,
  type WooCommerceAdapterOptions,
} from '../../../../src/carts/woocommerce';
import {
  startWooCommerceSimulator,
  type Malformation,
  type RunningWooCommerceSimulator,
  type SiteKeys,
} from '../../../../src/simulators/woocommerce';
import { cancelWithinTheSecondOfItsPull, idsOf, pullAll } from '../../../helpers/cart-pulls';

describe('WooCommerce adapter against the simulator', () => {
  let sim: RunningWooCommerceSimulator;
  let keys: SiteKeys;

  beforeAll(async () => {
    sim = await startWooCommerceSimulator();
  });
  afterAll(() => sim.close());

  function store(shipmentTracking = true): void {
    sim.control.reset();
    keys = sim.control.createSite({ name: 'Test store', shipment_tracking: shipmentTracking });
  }
  beforeEach(() => store());

  function adapter(options: Partial<WooCommerceAdapterOptions> = {}): CartAdapter {
    return createWooCommerceAdapter({
      merchantId: 'demo',
      cartId: 'woo',
      credentials: { siteUrl: keys.site_url, consumerKey: keys.consumer_key, consumerSecret: keys.consumer_secret },
      ...options,
    });
  }

  const order = (modified?: string, extra: Record<string, unknown> = {}) =>
    sim.control.createOrder({ site: keys.site, order: { ...(modified && { date_modified_gmt: modified }), ...extra } });

  it('pulls a processing order as our order, and notes acceptance once however often it is retried', async () => {
    const placed = order('2025-03-14T10:00:00', { customer_note: 'Leave at the door' });
    const page = await adapter().listOrders(undefined);
    expect(page.hasMore).toBe(false);
    expect(page.orders).toEqual([
      {
        kind: 'order',
        order: expect.objectContaining({
          merchantId: 'demo',
          cartId: 'woo',
          cartOrderId: String(placed.id),
          cartOrderNumber: placed.number,
          shipTo: expect.objectContaining({ name: 'Ada Lovelace', zip: '94104', email: 'ada@example.com' }),
          lines: [
            { lineId: String(placed.line_items[0]!.id), sku: 'SOCK-CHAR-M', quantity: 1, title: expect.any(String) },
          ],
          shipMethod: 'Flat rate',
          note: 'Leave at the door',
        }),
      },
    ]);
    expect((await adapter().listOrders(page.cursor)).orders).toEqual([]);

    await adapter().acceptOrder(String(placed.id));
    await adapter().acceptOrder(String(placed.id));
    expect(sim.control.orders(keys.site)[0]?.notes).toEqual([
      expect.objectContaining({ note: 'Sent to EasyPost Fulfillment by epf.', customer_note: false }),
    ]);
  });

  it('pages over three and more pages, each order once', async () => {
    const placed = [1, 2, 3, 4, 5, 6, 7].map((second) => order(`2025-03-14T10:00:0${second}`).id);
    const { pages } = await pullAll(adapter({ pageSize: 2 }));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(idsOf(pages)).toEqual(placed.map(String));
  });

  it('neither loses nor repeats orders modified in the same second, across pages and pulls', async () => {
    const same = '2025-03-14T10:00:05';
    const first = [order(same), order(same), order(same), order(same), order(same)].map((placed) => placed.id);
    const cart = adapter({ pageSize: 2 });
    const pulled = await pullAll(cart);
    expect(idsOf(pulled.pages).sort()).toEqual(first.map(String).sort());

    // Another order lands in that same second after the pull: the next pull brings it alone.
    const late = order(same).id;
    const next = await pullAll(cart, pulled.cursor);
    expect(idsOf(next.pages)).toEqual([String(late)]);
    expect(idsOf((await pullAll(cart, next.cursor)).pages)).toEqual([]);
  });

  it('reports malformed orders with our field names, and keeps the draft', async () => {
    const expected: Record<Malformation, string> = {
      missing_postcode: 'shipTo.zip',
      bad_quantity: 'lines[0].quantity',
      no_sku: 'lines[0].sku',
      no_shipping_method: 'shipMethod',
      bad_country: 'shipTo.country',
    };
    for (const malformed of Object.keys(expected) as Malformation[]) {
      sim.control.createOrder({ site: keys.site, malformed });
    }
    const { pages } = await pullAll(adapter());
    const pulled = pages.flatMap((page) => page.orders);
    expect(pulled.map((entry) => entry.kind)).toEqual(Array(5).fill('malformed'));
    expect(pulled[0]).toMatchObject({ draft: { cartId: 'woo', shipTo: { zip: '' } } });
    expect(pulled.map((entry) => (entry.kind === 'malformed' ? entry.problems.map((p) => p.field) : []))).toEqual(
      Object.values(expected).map((field) => [field]),
    );
  });

  it('turns a cancellation in the store into a cancelled entry, and answers it with one note', async () => {
    const placed = order('2025-03-14T10:00:00');
    const cart = adapter();
    const first = await cart.listOrders(undefined);
    sim.control.cancelOrder(placed.id);
    const second = await cart.listOrders(first.cursor);
    expect(second.orders).toEqual([
      { kind: 'cancelled', cartOrderId: String(placed.id), cartOrderNumber: placed.number, reason: expect.any(String) },
    ]);
    const answer = { accepted: true, reason: 'Cancelled before picking.' };
    await cart.answerCancellation(String(placed.id), answer);
    await cart.answerCancellation(String(placed.id), answer);
    expect(sim.control.orders(keys.site)[0]?.notes).toHaveLength(1);
  });

  it('brings a cancellation made in the same second as the pull that delivered the order', async () => {
    const { id, ...pulled } = await cancelWithinTheSecondOfItsPull(adapter(), {
      place: () => order().id,
      cancel: (placed) => sim.control.cancelOrder(placed),
      modified: () => sim.control.orders(keys.site)[0]!.date_modified_gmt,
    });
    expect(pulled).toEqual({ sameSecond: true, pulls: [[`order ${id}`], [`cancelled ${id}`]] });
  });

  describe('transient failures throw WooCommerceUnavailable; refusals throw CartRefusal', () => {
    it.each([
      ['server_error', { status: 503, retry_after_s: 2 }, 2000],
      ['server_error', { status: 500 }, undefined],
      ['rate_limit', { retry_after_s: 7 }, 7000],
      ['reset', {}, undefined],
      ['malformed', {}, undefined],
    ] as const)('%s %j', async (kind, extra, retryAfterMs) => {
      order('2025-03-14T10:00:00');
      sim.control.addFault({ route: 'GET /orders', kind, times: 1, ...extra });
      const failure = await adapter()
        .listOrders(undefined)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(WooCommerceUnavailable);
      expect((failure as WooCommerceUnavailable).retryAfterMs).toBe(retryAfterMs);
      // Nothing was consumed: the retry brings the order.
      expect((await adapter().listOrders(undefined)).orders).toHaveLength(1);
    });

    it('latency beyond the timeout', async () => {
      sim.control.addFault({ route: 'POST /products/batch', kind: 'latency', latency_ms: 2000, times: 1 });
      sim.control.setProduct({ site: keys.site, sku: 'A', stock: 1 });
      await expect(adapter({ timeoutMs: 200 }).pushInventory([{ sku: 'A', quantity: 3 }])).rejects.toBeInstanceOf(
        WooCommerceUnavailable,
      );
      await expect(adapter().pushInventory([{ sku: 'A', quantity: 3 }])).resolves.toEqual({ batches: 1 });
    });

    it('bad credentials and unknown orders', async () => {
      const wrong = createWooCommerceAdapter({
        merchantId: 'demo',
        cartId: 'woo',
        credentials: { siteUrl: keys.site_url, consumerKey: 'ck_wrong', consumerSecret: 'cs_wrong' },
      });
      await expect(wrong.listOrders(undefined)).rejects.toBeInstanceOf(CartRefusal);
      await expect(adapter().acceptOrder('999999')).rejects.toMatchObject({
        name: 'CartRefusal',
        code: 'woocommerce_rest_order_invalid_id',
      });
    });
  });

  describe('pushTracking', () => {
    const push = (shipmentId: string, trackingCode: string, orderComplete: boolean, cartOrderId: string) => ({
      cartOrderId,
      shipmentId,
      carrier: 'USPS',
      trackingCode,
      lines: [{ lineId: '1', quantity: 1 }],
      orderComplete,
    });

    it('with Shipment Tracking: one item per package, completed with the last, repeats change nothing', async () => {
      const id = String(order().id);
      const cart = adapter();
      await cart.pushTracking(push('pick_1', '9400100000000000000001', false, id));
      await cart.pushTracking(push('pick_1', '9400100000000000000001', false, id));
      let [state] = sim.control.orders(keys.site);
      expect(state?.status).toBe('processing');
      expect(state?.shipment_trackings.map((item) => item.tracking_number)).toEqual(['9400100000000000000001']);

      const last = { ...push('pick_2', '1Z999', true, id), carrier: 'Acme', trackingUrl: 'https://acme.test/t/1Z999' };
      await cart.pushTracking(last);
      await cart.pushTracking(last);
      [state] = sim.control.orders(keys.site);
      expect(state?.status).toBe('completed');
      expect(state?.shipment_trackings).toEqual([
        expect.objectContaining({ tracking_number: '9400100000000000000001', tracking_provider: 'USPS' }),
        expect.objectContaining({
          tracking_number: '1Z999',
          tracking_provider: 'Acme',
          tracking_link: last.trackingUrl,
        }),
      ]);
      expect(state?.notes).toEqual([]);
    });

    it('without the extension: a customer note per package, then completed', async () => {
      store(false);
      const id = String(order().id);
      const cart = adapter();
      await cart.pushTracking(push('pick_1', 'TRACK-1', false, id));
      await cart.pushTracking(push('pick_1', 'TRACK-1', false, id));
      expect(sim.control.orders(keys.site)[0]?.status).toBe('processing');
      await cart.pushTracking(push('pick_2', 'TRACK-2', true, id));
      const [state] = sim.control.orders(keys.site);
      expect(state?.status).toBe('completed');
      expect(state?.notes.map((note) => [note.customer_note, note.note])).toEqual([
        [true, expect.stringContaining('TRACK-1')],
        [true, expect.stringContaining('TRACK-2')],
      ]);
    });
  });

  it('pushes 250 stock levels in 3 batches of at most 100, skipping SKUs the store does not have', async () => {
    const skus = Array.from({ length: 250 }, (_, index) => `SKU-${String(index).padStart(3, '0')}`);
    for (const sku of skus) sim.control.setProduct({ site: keys.site, sku, stock: 0 });
    const levels = skus.map((sku, index) => ({ sku, quantity: index }));
    sim.control.clearRequests();
    await expect(adapter().pushInventory([...levels, { sku: 'NOT-THERE', quantity: 5 }])).resolves.toEqual({
      batches: 3,
    });
    const stock = new Map(sim.control.stock(keys.site).map((product) => [product.sku, product.stock_quantity]));
    expect(skus.every((sku, index) => stock.get(sku) === index)).toBe(true);
    const batchCalls = sim.control.requests().filter((entry) => entry.path.endsWith('/products/batch'));
    expect(batchCalls.map((entry) => entry.status)).toEqual([200, 200, 200]);
  });
});
