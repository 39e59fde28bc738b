import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  keptBigCommerceState,
  startBigCommerceSimulator,
  type OrderView,
  type StoreKeys,
} from '../../../src/simulators/bigcommerce';
import { startEasyPostSimulator, type StoreSnapshot } from '../../../src/simulators/easypost';
import { seedEasyPostDemo } from '../../../src/simulators/easypost/demo';
import { keepState, type KeepStateOptions } from '../../../src/simulators/shared/state-file';
import { startShopifySimulator, type ShopifySnapshot } from '../../../src/simulators/shopify';
import { seedShopifyDemo } from '../../../src/simulators/shopify/demo';
import {
  seedWooCommerceDemo,
  startWooCommerceSimulator,
  type SiteStoreSnapshot,
} from '../../../src/simulators/woocommerce';

// The local stack's simulators keep their state in a file across restarts: what one run wrote, the next one serves.
describe('simulator state files', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'epf-sim-state-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Two runs of one simulator on the same file: `first` works on the seeded one, `second` sees what it left. */
  async function twoRuns<S extends { close(): Promise<void> }, D, T = unknown>(
    file: string,
    start: () => Promise<S>,
    keep: (sim: S) => KeepStateOptions<D, T>,
    first: (sim: S, demo: D) => unknown,
    second: (sim: S, demo: D) => Promise<void> | void,
  ): Promise<void> {
    const one = await start();
    const kept = keepState(keep(one));
    await first(one, kept.demo);
    kept.close();
    await one.close();
    const two = await start();
    const restored = keepState({
      ...keep(two),
      seed: () => {
        throw new Error('a kept state must not be seeded again');
      },
    });
    try {
      await second(two, restored.demo);
    } finally {
      restored.close();
      await two.close();
    }
  }

  it('EasyPost: accounts and shipped orders, trackers still shared by picks and the order', async () => {
    const file = join(dir, 'easypost.json');
    let orderId = '';
    await twoRuns(
      file,
      () => startEasyPostSimulator({ rateLimitPerSecond: null }),
      (sim) => ({
        simulator: 'easypost',
        file,
        snapshot: sim.snapshot,
        restore: (saved: unknown) => sim.restore(saved as StoreSnapshot),
        seed: () => seedEasyPostDemo(sim.control),
      }),
      async (sim, keys) => {
        const response = await fetch(`${sim.apiBaseUrl}orders`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from(`${keys.test_key}:`).toString('base64')}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({
            service: 'standard',
            destination: {
              name: 'Ada',
              street1: '1 Main St',
              city: 'Austin',
              state: 'TX',
              zip: '78701',
              country: 'US',
            },
            line_items: [{ product: { barcode: '850621000008' }, units: 2 }],
          }),
        });
        orderId = ((await response.json()) as { id: string }).id;
        sim.control.advanceOrder(orderId, { api_key: keys.test_key, to: 'shipped' });
      },
      async (sim, keys) => {
        const response = await fetch(`${sim.apiBaseUrl}orders/${orderId}`, {
          headers: { authorization: `Basic ${Buffer.from(`${keys.test_key}:`).toString('base64')}` },
        });
        const order = (await response.json()) as { status: string; trackers: { id: string }[] };
        expect(order.status).toBe('shipped');
        const updated = sim.control.setTrackerStatus(order.trackers[0]!.id, {
          api_key: keys.test_key,
          status: 'delivered',
        });
        expect(updated.picks[0]!.tracker).toMatchObject({ status: 'delivered' });
        expect(updated.trackers[0]).toMatchObject({ status: 'delivered' });
        expect(sim.control.orders(keys.test_key).map((kept) => kept.id)).toEqual([orderId]);
      },
    );
  });

  it('Shopify: shops, orders and fulfillments, and IDs carry on from where they were', async () => {
    const file = join(dir, 'shopify.json');
    let before: ReturnType<Awaited<ReturnType<typeof startShopifySimulator>>['control']['fulfillmentOrders']> = [];
    await twoRuns(
      file,
      () => startShopifySimulator(),
      (sim) => ({
        simulator: 'shopify',
        file,
        snapshot: sim.snapshot,
        restore: (saved: unknown) => sim.restore(saved as ShopifySnapshot),
        seed: () => seedShopifyDemo(sim.control),
      }),
      (sim, shop) => (before = sim.control.fulfillmentOrders(shop.shop_id)),
      (sim, shop) => {
        expect(sim.control.fulfillmentOrders(shop.shop_id)).toEqual(before);
        const next = sim.control.createOrder({
          shop: shop.shop_id,
          order: { lines: [{ sku: 'TOTE-NAT', quantity: 1 }] },
        });
        const number = (id: string) => Number(id.slice(id.lastIndexOf('/') + 1));
        expect(number(next.id)).toBeGreaterThan(Math.max(...before.map((fo) => number(fo.id))));
      },
    );
  });

  it('WooCommerce: stores, orders and products', async () => {
    const file = join(dir, 'woocommerce.json');
    let before: ReturnType<Awaited<ReturnType<typeof startWooCommerceSimulator>>['control']['orders']> = [];
    await twoRuns(
      file,
      () => startWooCommerceSimulator(),
      (sim) => ({
        simulator: 'woocommerce',
        file,
        snapshot: sim.snapshot,
        restore: (saved: unknown) => sim.restore(saved as SiteStoreSnapshot),
        seed: () => seedWooCommerceDemo(sim.control),
      }),
      (sim, keys) => (before = sim.control.orders(keys.site)),
      (sim, keys) => {
        expect(sim.control.orders(keys.site)).toEqual(before);
        expect(sim.control.stock(keys.site).map((product) => product.sku)).toContain('TEE-WHT-S');
      },
    );
  });

  it('BigCommerce: an order shipped before the restart keeps its ID, shipment, notes and stock; new IDs go on', async () => {
    const file = join(dir, 'bigcommerce.json');
    type Sim = Awaited<ReturnType<typeof startBigCommerceSimulator>>;
    const api = async (sim: Sim, keys: StoreKeys, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${sim.url}/stores/${keys.store}/${path}`, {
        method,
        headers: { 'x-auth-token': keys.access_token, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const ship = (sim: Sim, keys: StoreKeys, order: OrderView) =>
      api(sim, keys, 'POST', `v2/orders/${order.id}/shipments`, {
        order_address_id: order.order_shipping_addresses[0]!.id,
        tracking_number: `1Z${order.id}`,
        tracking_carrier: 'ups',
        items: order.order_products.map((line) => ({ order_product_id: line.id, quantity: line.quantity })),
      });
    const withoutLinks = ({ products: _p, shipping_addresses: _a, ...order }: OrderView) => order;
    let before: OrderView[] = [];
    await twoRuns(
      file,
      () => startBigCommerceSimulator(),
      (sim) => keptBigCommerceState(sim, file),
      async (sim, keys) => {
        const order = sim.control.createOrder({
          store: keys.store,
          order: { products: [{ sku: 'TOTE-NAT', quantity: 1 }] },
        });
        expect((await ship(sim, keys, order)).status).toBe(201);
        expect((await api(sim, keys, 'PUT', `v2/orders/${order.id}`, { staff_notes: 'epf: sent' })).status).toBe(200);
        const items = [{ location_id: 1, sku: 'TOTE-NAT', quantity: 3 }];
        expect((await api(sim, keys, 'PUT', 'v3/inventory/adjustments/absolute', { items })).status).toBe(200);
        before = sim.control.orders(keys.store);
      },
      async (sim, keys) => {
        const after = sim.control.orders(keys.store);
        expect(after.map(withoutLinks)).toEqual(before.map(withoutLinks));
        const shipped = before.at(-1)!;
        expect((await api(sim, keys, 'GET', `v2/orders/${shipped.id}`)).body).toMatchObject({
          status: 'Shipped',
          staff_notes: 'epf: sent',
          // The links follow this run's port.
          products: { url: `${sim.url}/stores/${keys.store}/v2/orders/${shipped.id}/products` },
        });
        expect(sim.control.stock(keys.store).find((variant) => variant.sku === 'TOTE-NAT')?.inventory).toEqual({
          1: 3,
        });

        const next = sim.control.createOrder({ store: keys.store });
        expect(next.id).toBeGreaterThan(Math.max(...before.map((order) => order.id)));
        const shipment = await ship(sim, keys, next);
        expect(shipment.status).toBe(201);
        const earlierIds = before.flatMap((order) => [
          ...order.order_products.map((line) => line.id),
          ...order.order_shipping_addresses.map((address) => address.id),
          ...order.shipments.map((kept) => kept.id),
        ]);
        const newIds = [next.order_products[0]!.id, next.order_shipping_addresses[0]!.id, shipment.body.id];
        expect(newIds.filter((id) => earlierIds.includes(id as number))).toEqual([]);
      },
    );
  });

  it('refuses a file that is not a state file, or another simulator’s, naming the file', () => {
    const file = join(dir, 'broken.json');
    const options = { simulator: 'easypost', file, snapshot: () => ({}), restore: () => undefined, seed: () => 1 };
    writeFileSync(file, '{"format": 1, "simulator": "shopify", "demo": {}, "state": {}}');
    expect(() => keepState(options)).toThrow(`${file}: the state of the shopify simulator`);
    writeFileSync(file, 'not json');
    expect(() => keepState(options)).toThrow(`${file}: not a state file`);
  });
});
