import { setTimeout as sleep } from 'node:timers/promises';
import { SimHarness, type Loose } from './sim-harness';

const AFTER_MS = 1000;

describe('EasyPost simulator: the warehouse ships on its own when started with autoShip', () => {
  let h: SimHarness;

  beforeAll(async () => {
    h = await SimHarness.start({ autoShip: { afterMs: AFTER_MS, splitEvery: 2 } });
  });
  afterAll(() => h.close());

  /** The order as GET orders/:id shows it once `done` holds, polling until then. */
  async function orderWhen(id: string, done: (order: Loose) => boolean): Promise<Loose> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { body } = await h.api('GET', `orders/${id}`);
      if (done(body)) return body;
      if (Date.now() > deadline)
        throw new Error(`order ${id} still ${body.status} with ${body.trackers.length} trackers`);
      await sleep(50);
    }
  }

  it('ships each accepted order after the delay, and every second multi-line order as two packages', async () => {
    const create = async (lines: [string, number][]) => (await h.api('POST', 'orders', h.order(lines))).body.id;
    const single = await create([['A-0001', 1]]);
    // Not at once: the warehouse takes its time to pick it.
    expect((await h.api('GET', `orders/${single}`)).body.status).toBe('created');
    const firstMulti = await create([
      ['A-0001', 1],
      ['B-0002', 1],
    ]);
    const secondMulti = await create([
      ['A-0001', 1],
      ['C-0003', 1],
    ]);
    const cancelled = await create([['A-0001', 1]]);
    expect((await h.api('DELETE', `orders/${cancelled}`)).status).toBe(200);

    const shipped = (order: Loose) => order.status === 'shipped';
    for (const id of [single, firstMulti]) {
      const order = await orderWhen(id, shipped);
      expect(order.trackers).toHaveLength(1);
      expect(order.trackers[0]).toMatchObject({ carrier: 'USPS', status: 'pre_transit' });
      expect(order.trackers[0].tracking_code).toMatch(/^9400\d{18}$/);
    }

    // The split: first its first line alone (the order is `picked`), then the rest in a second package.
    const picked = await orderWhen(secondMulti, (order) => order.trackers.length > 0);
    const split = picked.status === 'shipped' ? picked : await orderWhen(secondMulti, shipped);
    expect(split.picks.map((pick: Loose) => pick.inventories.map((unit: Loose) => unit.product.barcode))).toEqual([
      ['A-0001'],
      ['C-0003'],
    ]);
    expect(new Set(split.trackers.map((tracker: Loose) => tracker.tracking_code)).size).toBe(2);

    expect((await h.api('GET', `orders/${cancelled}`)).body).toMatchObject({ status: 'cancelled', trackers: [] });
  });

  it('ships nothing by itself without autoShip', async () => {
    const manual = await SimHarness.start();
    try {
      const { body } = await manual.api('POST', 'orders', manual.order([['A-0001', 1]]));
      await sleep(AFTER_MS * 2);
      expect((await manual.api('GET', `orders/${body.id}`)).body).toMatchObject({ status: 'created', trackers: [] });
    } finally {
      await manual.close();
    }
  });
});
