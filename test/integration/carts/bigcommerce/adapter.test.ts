import type { CartAdapter } from '../../../../src/carts/adapter';
import { CartRefusal } from '../../../../src/carts/adapter';
import {
  BigCommerceUnavailable,
  createBigCommerceAdapter,
  type BigCommerceAdapterOptions,
} from '../../../../src/carts/bigcommerce';
import {
  startBigCommerceSimulator,
  type Malformation,
  type RunningBigCommerceSimulator,
  type StoreInput,
  type StoreKeys,
} from '../../../../src/simulators/bigcommerce';
import { cancelWithinTheSecondOfItsPull, idsOf, pullAll } from '../../../helpers/cart-pulls';

describe('BigCommerce adapter against the simulator', () => {
  let sim: RunningBigCommerceSimulator;
  let keys: StoreKeys;

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
  });
  afterAll(() => sim.close());

  function store(input: StoreInput = {}): void {
    sim.control.reset();
    keys = sim.control.createStore({ name: 'Test store', ...input });
  }
  beforeEach(() => store());

  function adapter(options: Partial<BigCommerceAdapterOptions> = {}, credentials: object = {}): CartAdapter {
    return createBigCommerceAdapter({
      merchantId: 'demo',
      cartId: 'bc',
      credentials: { storeHash: keys.store, accessToken: keys.access_token, apiUrl: keys.api_url, ...credentials },
      ...options,
    });
  }

  const order = (modified?: string, extra: Record<string, unknown> = {}) =>
    sim.control.createOrder({ store: keys.store, order: { ...(modified && { date_modified: modified }), ...extra } });

  it('pulls an order awaiting fulfillment as our order, and notes acceptance once however often it is retried', async () => {
    const placed = order('2025-03-14T10:00:00Z', { customer_message: 'Leave at the door' });
    const page = await adapter().listOrders(undefined);
    expect(page.hasMore).toBe(false);
    expect(page.orders).toEqual([
      {
        kind: 'order',
        order: expect.objectContaining({
          merchantId: 'demo',
          cartId: 'bc',
          cartOrderId: String(placed.id),
          cartOrderNumber: String(placed.id),
          shipTo: expect.objectContaining({
            name: 'Ada Lovelace',
            zip: '94104',
            country: 'US',
            email: 'ada@example.com',
          }),
          lines: [
            {
              lineId: String(placed.order_products[0]!.id),
              sku: 'SOCK-CHAR-M',
              quantity: 1,
              title: expect.any(String),
            },
          ],
          shipMethod: 'Flat Rate',
          note: 'Leave at the door',
        }),
      },
    ]);
    expect((await adapter().listOrders(page.cursor)).orders).toEqual([]);

    await adapter().acceptOrder(String(placed.id));
    await adapter().acceptOrder(String(placed.id));
    expect(sim.control.orders(keys.store)[0]?.staff_notes).toBe('Sent to EasyPost Fulfillment by epf.');
  });

  it('pulls only the statuses the cart fulfils (default Awaiting Fulfillment)', async () => {
    const awaiting = order('2025-03-14T10:00:01Z').id;
    order('2025-03-14T10:00:02Z', { status_id: 7 }); // Awaiting Payment
    const shipment = order('2025-03-14T10:00:03Z', { status_id: 9 }).id; // Awaiting Shipment
    expect(idsOf((await pullAll(adapter())).pages)).toEqual([String(awaiting)]);
    expect(idsOf((await pullAll(adapter({}, { orderStatusIds: [11, 9] }))).pages)).toEqual(
      [awaiting, shipment].map(String),
    );
  });

  it('pages over three and more pages, each order once, and neither loses nor repeats orders of one second', async () => {
    const placed = [1, 2, 3, 4, 5, 6, 7].map((second) => order(`2025-03-14T10:00:0${second}Z`).id);
    const same = [order('2025-03-14T10:00:09Z'), order('2025-03-14T10:00:09Z'), order('2025-03-14T10:00:09Z')];
    const cart = adapter({ pageSize: 2 });
    const pulled = await pullAll(cart);
    expect(pulled.pages.length).toBeGreaterThanOrEqual(4);
    expect(idsOf(pulled.pages)).toEqual([...placed, ...same.map((entry) => entry.id)].map(String));

    const late = order('2025-03-14T10:00:09Z').id;
    const next = await pullAll(cart, pulled.cursor);
    expect(idsOf(next.pages)).toEqual([String(late)]);
    expect(idsOf((await pullAll(cart, next.cursor)).pages)).toEqual([]);
  });

  it('reports malformed orders with our field names, and keeps the draft', async () => {
    const expected: Record<Malformation, string[]> = {
      missing_zip: ['shipTo.zip'],
      bad_quantity: ['lines[0].quantity'],
      no_sku: ['lines[0].sku'],
      no_shipping_method: ['shipMethod'],
      bad_country: ['shipTo.country'],
      two_addresses: ['shipTo'],
    };
    for (const malformed of Object.keys(expected) as Malformation[]) {
      sim.control.createOrder({ store: keys.store, malformed });
    }
    const pulled = (await pullAll(adapter())).pages.flatMap((page) => page.orders);
    expect(pulled.map((entry) => entry.kind)).toEqual(Array(6).fill('malformed'));
    expect(pulled[0]).toMatchObject({ draft: { cartId: 'bc', shipTo: { zip: '' } } });
    expect(pulled.map((entry) => (entry.kind === 'malformed' ? entry.problems.map((p) => p.field) : []))).toEqual(
      Object.values(expected),
    );
  });

  it('turns a cancellation in the store into a cancelled entry, and answers it with one staff note', async () => {
    const placed = order('2025-03-14T10:00:00Z');
    const cart = adapter();
    const first = await cart.listOrders(undefined);
    sim.control.cancelOrder(placed.id);
    const second = await cart.listOrders(first.cursor);
    expect(second.orders).toEqual([
      {
        kind: 'cancelled',
        cartOrderId: String(placed.id),
        cartOrderNumber: String(placed.id),
        reason: expect.any(String),
      },
    ]);
    const answer = { accepted: true, reason: 'Cancelled before picking.' };
    await cart.answerCancellation(String(placed.id), answer);
    await cart.answerCancellation(String(placed.id), answer);
    expect(sim.control.orders(keys.store)[0]?.staff_notes.split('\n')).toHaveLength(1);
  });

  it('brings a cancellation made in the same second as the pull that delivered the order', async () => {
    const { id, ...pulled } = await cancelWithinTheSecondOfItsPull(adapter(), {
      place: () => order().id,
      cancel: (placed) => sim.control.cancelOrder(placed),
      modified: () => sim.control.orders(keys.store)[0]!.date_modified,
    });
    expect(pulled).toEqual({ sameSecond: true, pulls: [[`order ${id}`], [`cancelled ${id}`]] });
  });

  describe('transient failures throw BigCommerceUnavailable; refusals throw CartRefusal', () => {
    it.each([
      ['server_error', { status: 503 }, undefined],
      ['server_error', { status: 500 }, undefined],
      ['rate_limit', { retry_after_s: 7 }, 7000],
      ['reset', {}, undefined],
      ['malformed', {}, undefined],
    ] as const)('%s %j', async (kind, extra, retryAfterMs) => {
      order('2025-03-14T10:00:00Z');
      sim.control.addFault({ route: 'GET /v2/orders', kind, times: 1, ...extra });
      const failure = await adapter()
        .listOrders(undefined)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BigCommerceUnavailable);
      expect((failure as BigCommerceUnavailable).retryAfterMs).toBe(retryAfterMs);
      // Nothing was consumed: the retry brings the order.
      expect((await adapter().listOrders(undefined)).orders).toHaveLength(1);
    });

    it('a fault on an order sub-resource fails the page, and the retry brings the order', async () => {
      order('2025-03-14T10:00:00Z');
      sim.control.addFault({ route: 'GET /v2/orders/:order_id/products', kind: 'server_error', times: 1 });
      await expect(adapter().listOrders(undefined)).rejects.toBeInstanceOf(BigCommerceUnavailable);
      expect((await adapter().listOrders(undefined)).orders.map((entry) => entry.kind)).toEqual(['order']);
    });

    it('latency beyond the timeout', async () => {
      sim.control.setProduct({ store: keys.store, sku: 'A', stock: { 1: 1 } });
      sim.control.addFault({
        route: 'PUT /v3/inventory/adjustments/absolute',
        kind: 'latency',
        latency_ms: 2000,
        times: 1,
      });
      await expect(adapter({ timeoutMs: 200 }).pushInventory([{ sku: 'A', quantity: 3 }])).rejects.toBeInstanceOf(
        BigCommerceUnavailable,
      );
      await expect(adapter().pushInventory([{ sku: 'A', quantity: 3 }])).resolves.toEqual({ batches: 1 });
    });

    it('bad credentials and unknown orders', async () => {
      await expect(adapter({}, { accessToken: 'wrong' }).listOrders(undefined)).rejects.toBeInstanceOf(CartRefusal);
      await expect(adapter().acceptOrder('999999')).rejects.toMatchObject({ name: 'CartRefusal', status: 404 });
    });
  });

  it("waits out the store's quota window when it has used the last request, instead of spending a 429", async () => {
    store({ quota: 3, window_ms: 1500 });
    for (const second of [1, 2]) order(`2025-03-14T10:00:0${second}Z`);
    const started = Date.now();
    // Listing and two calls per order: five requests on a quota of three per 1.5 s.
    const { pages } = await pullAll(adapter());
    expect(idsOf(pages)).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(sim.control.requests().map((entry) => entry.status)).not.toContain(429);
  });

  describe('pushTracking', () => {
    const push = (shipmentId: string, trackingCode: string, lines: { lineId: string; quantity: number }[]) => ({
      shipmentId,
      carrier: 'USPS',
      trackingCode,
      lines,
      orderComplete: false,
    });

    it('one shipment per package, Shipped with the last, repeats change nothing', async () => {
      const placed = order(undefined, {
        products: [
          { sku: 'A', quantity: 2 },
          { sku: 'B', quantity: 1 },
        ],
      });
      const [a, b] = placed.order_products.map((line) => String(line.id));
      const cart = adapter();
      const first = {
        ...push('pick_1', '9400100000000000000001', [{ lineId: a!, quantity: 2 }]),
        cartOrderId: String(placed.id),
      };
      await cart.pushTracking(first);
      await cart.pushTracking(first);
      let [state] = sim.control.orders(keys.store);
      expect(state?.status_id).toBe(3); // Partially Shipped
      expect(state?.shipments).toEqual([
        expect.objectContaining({ tracking_number: '9400100000000000000001', tracking_carrier: 'usps' }),
      ]);

      const last = {
        ...push('pick_2', '1Z999', [{ lineId: b!, quantity: 1 }]),
        cartOrderId: String(placed.id),
        carrier: 'Acme',
        trackingUrl: 'https://acme.test/t/1Z999',
        orderComplete: true,
      };
      await cart.pushTracking(last);
      await cart.pushTracking(last);
      [state] = sim.control.orders(keys.store);
      expect(state?.status_id).toBe(2); // Shipped
      expect(state?.shipments.map((shipment) => [shipment.tracking_number, shipment.tracking_link])).toEqual([
        ['9400100000000000000001', ''],
        ['1Z999', last.trackingUrl],
      ]);
    });

    it('a complete package whose lines BigCommerce still counts as open sets Shipped itself', async () => {
      const placed = order(undefined, { products: [{ sku: 'A', quantity: 3 }] });
      const line = String(placed.order_products[0]!.id);
      await adapter().pushTracking({
        ...push('pick_1', 'T-1', [{ lineId: line, quantity: 2 }]),
        cartOrderId: String(placed.id),
        orderComplete: true,
      });
      expect(sim.control.orders(keys.store)[0]?.status_id).toBe(2);
    });

    it('refuses an unknown order', async () => {
      await expect(
        adapter().pushTracking({ ...push('pick_1', 'T-1', []), cartOrderId: '999999' }),
      ).rejects.toBeInstanceOf(CartRefusal);
    });
  });

  it('pushes 2,500 stock levels in 2 absolute adjustments at the cart location, skipping SKUs the store lacks', async () => {
    store({ locations: [1, 2] });
    const skus = Array.from({ length: 2500 }, (_, index) => `SKU-${String(index).padStart(4, '0')}`);
    for (const sku of skus) sim.control.setProduct({ store: keys.store, sku, stock: { 1: 7, 2: 0 } });
    const levels = skus.map((sku, index) => ({ sku, quantity: index }));
    sim.control.clearRequests();
    await expect(
      adapter({}, { locationId: 2 }).pushInventory([...levels, { sku: 'NOT-THERE', quantity: 5 }]),
    ).resolves.toEqual({ batches: 2 });
    const stock = new Map(sim.control.stock(keys.store).map((variant) => [variant.sku, variant.inventory]));
    expect(skus.every((sku, index) => stock.get(sku)?.['2'] === index && stock.get(sku)?.['1'] === 7)).toBe(true);
    const adjustments = sim.control.requests().filter((entry) => entry.path.includes('/adjustments/absolute'));
    expect(adjustments.map((entry) => entry.status)).toEqual([200, 200]);
  });
});
