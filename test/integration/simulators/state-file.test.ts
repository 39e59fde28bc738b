import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEasyPostSimulator, type StoreSnapshot } from '../../../src/simulators/easypost';
import { seedEasyPostDemo } from '../../../src/simulators/easypost/demo';
import { keepState } from '../../../src/simulators/shared/state-file';
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
  async function twoRuns<S extends { close(): Promise<void> }, D>(
    file: string,
    start: () => Promise<S>,
    keep: (sim: S) => Parameters<typeof keepState<D>>[0],
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

  it('refuses a file that is not a state file, or another simulator’s, naming the file', () => {
    const file = join(dir, 'broken.json');
    const options = { simulator: 'easypost', file, snapshot: () => ({}), restore: () => undefined, seed: () => 1 };
    writeFileSync(file, '{"format": 1, "simulator": "shopify", "demo": {}, "state": {}}');
    expect(() => keepState(options)).toThrow(`${file}: the state of the shopify simulator`);
    writeFileSync(file, 'not json');
    expect(() => keepState(options)).toThrow(`${file}: not a state file`);
  });
});
