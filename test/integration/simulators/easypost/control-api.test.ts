import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { seedEasyPostDemo } from '../../../../src/simulators/easypost/demo';
import { SimHarness, type Loose } from './sim-harness';
import { pollUntil } from '../../../helpers/poll';

interface Received {
  event: Loose;
  verified: boolean;
}

/** A tiny webhook receiver that checks the HMAC over the raw body, the way epf's receiver must. */
async function startReceiver(
  secret: string,
  failFirst = 0,
): Promise<{ server: Server; url: string; events: Received[] }> {
  const events: Received[] = [];
  let failures = failFirst;
  const read = async (request: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server = createServer((request, response) => {
    void read(request).then((raw) => {
      if (failures > 0) {
        failures -= 1;
        response.writeHead(500).end();
        return;
      }
      const expected = `hmac-sha256-hex=${createHmac('sha256', secret.normalize('NFKD')).update(raw).digest('hex')}`;
      const given = String(request.headers['x-hmac-signature'] ?? '');
      const verified = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
      events.push({ event: JSON.parse(raw.toString('utf8')), verified });
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, events };
}

const waitFor = (check: () => boolean) => pollUntil(check, { timeoutMs: 3000, intervalMs: 20 });

describe('EasyPost simulator: control API', () => {
  let h: SimHarness;

  beforeAll(async () => {
    h = await SimHarness.start();
  });
  beforeEach(() => h.reseed());
  afterAll(() => h.close());

  it('creates accounts with generated EZTK/EZAK keys over HTTP and seeds by short name', async () => {
    const account = await h.simCall('POST', 'accounts', {});
    expect(account.status).toBe(201);
    expect(account.body.test_key).toMatch(/^EZTK[0-9a-f]{32}$/);
    expect(account.body.production_key).toMatch(/^EZAK[0-9a-f]{32}$/);
    const seeded = await h.simCall('POST', 'seed', {
      api_key: account.body.production_key,
      warehouses: [{ name: 'Reno', short_name: 'RNO' }],
      products: [{ barcode: '123', title: 'Thing' }],
      stock: [{ barcode: '123', warehouse: 'RNO', quantity: 7 }],
    });
    expect(seeded.body.products[0]).toMatchObject({ barcode: '123', mode: 'production' });
    const stock = await h.simCall('POST', 'stock', {
      api_key: account.body.production_key,
      barcode: '123',
      warehouse_id: seeded.body.warehouses[0].id,
      quantity: 2,
    });
    expect(stock.body).toMatchObject({ warehouse_id: seeded.body.warehouses[0].id, quantity: 2 });
    const bad = await h.simCall('POST', 'stock', { api_key: account.body.production_key, barcode: '123' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.field).toBe('warehouse_id');
  });

  it('ships a split shipment: picks with trackers, picked until every unit has shipped', async () => {
    const { body: order } = await h.api(
      'POST',
      'orders',
      h.order([
        ['A-0001', 3],
        ['B-0002', 1],
      ]),
    );
    const first = await h.simCall('POST', `orders/${order.id}/advance`, {
      api_key: h.testKey,
      to: 'shipped',
      shipments: [{ line_items: [{ barcode: 'A-0001', units: 2 }], carrier: 'UPS', tracking_code: '1Z999' }],
    });
    expect(first.body.status).toBe('picked');
    expect(first.body.picks).toHaveLength(1);
    expect(first.body.picks[0].inventories).toHaveLength(2);
    expect(first.body.picks[0].tracker).toMatchObject({
      tracking_code: '1Z999',
      carrier: 'UPS',
      status: 'pre_transit',
    });
    const second = h.control.advanceOrder(order.id, { api_key: h.testKey, to: 'shipped' });
    expect(second.status).toBe('shipped');
    expect(second.trackers).toHaveLength(2);
    expect(second.picks[1]!.inventories.map((unit) => unit.product.barcode).sort()).toEqual(['A-0001', 'B-0002']);
    expect(second.trackers[1]!.tracking_code).toMatch(/^9400\d{18}$/);
    const found = await h.api('GET', `orders?query=1Z999`);
    expect(found.body.orders.map((o: Loose) => o.id)).toEqual([order.id]);
    const again = await h.simCall('POST', `orders/${order.id}/advance`, { api_key: h.testKey, to: 'shipped' });
    expect(again.body.errors.code).toBe('ORDER.STATUS.NOT_ADVANCEABLE');

    const delivered = h.control.setTrackerStatus(second.trackers[0]!.id, { api_key: h.testKey, status: 'delivered' });
    expect(delivered.picks[0]!.tracker!.status).toBe('delivered');
    expect(delivered.trackers[0]!.status).toBe('delivered');
  });

  it('refuses to ship more than is left', async () => {
    const { body: order } = await h.api('POST', 'orders', h.order([['A-0001', 1]]));
    const over = await h.simCall('POST', `orders/${order.id}/advance`, {
      api_key: h.testKey,
      to: 'shipped',
      shipments: [{ line_items: [{ barcode: 'A-0001', units: 2 }] }],
    });
    expect(over.status).toBe(422);
    expect(over.body.errors.field).toBe('shipments[0].line_items');
    expect(h.control.orders(h.testKey)[0]!.picks).toEqual([]);
  });

  it('lists every order including cancelled ones, logs API requests, and resets', async () => {
    const { body: order } = await h.api('POST', 'orders', h.order([['A-0001', 1]]));
    await h.api('DELETE', `orders/${order.id}`);
    const listed = await h.simCall('GET', `orders?api_key=${h.testKey}`);
    expect(listed.body.orders.map((o: Loose) => [o.id, o.status])).toEqual([[order.id, 'cancelled']]);
    const log = await h.simCall('GET', 'requests');
    expect(log.body.requests.map((r: Loose) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/fulfillment/vendor/v2/orders', 201],
      ['DELETE', `/fulfillment/vendor/v2/orders/${order.id}`, 200],
    ]);
    await h.simCall('DELETE', 'requests');
    expect(h.control.requests()).toEqual([]);
    await h.simCall('POST', 'reset');
    expect((await h.api('GET', 'orders')).status).toBe(401);
  });

  it('limits each key to the configured requests per second with 429 and Retry-After', async () => {
    h.control.configure({ rate_limit_per_second: 2 });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push(await h.api('GET', 'warehouses'));
    expect(statuses.map((response) => response.status)).toEqual([200, 200, 429]);
    expect(statuses[2]!.headers.get('retry-after')).toBe('1');
    expect(statuses[2]!.body.errors.code).toBe('RATE_LIMITED');
    expect((await h.api('GET', 'warehouses', undefined, { key: h.productionKey })).status).toBe(200);
  });

  it('delivers signed fulfillment.order events, retrying a failing receiver', async () => {
    const secret = 'sécret-ﬁ';
    const receiver = await startReceiver(secret, 1);
    try {
      h.control.configure({ webhook: { url: receiver.url, secret } });
      const { body: order } = await h.api('POST', 'orders', h.order([['A-0001', 1]]));
      h.control.advanceOrder(order.id, { api_key: h.testKey, to: 'picked' });
      h.control.advanceOrder(order.id, { api_key: h.testKey, to: 'shipped' });
      // The receiver counts an event before it answers; the simulator marks it delivered once it reads the answer.
      await waitFor(
        () => receiver.events.length === 3 && h.control.webhookDeliveries().every((delivery) => delivery.delivered),
      );
      expect(receiver.events.every((received) => received.verified)).toBe(true);
      const updates = receiver.events.filter((received) => received.event.description === 'fulfillment.order.updated');
      const shipped = updates.find((received) => received.event.result.status === 'shipped')!.event;
      expect(shipped).toMatchObject({
        object: 'Event',
        mode: 'test',
        previous_attributes: { status: 'picked' },
        result: { id: order.id, trackers: [expect.objectContaining({ carrier: 'USPS' })] },
      });
      expect(shipped.id).toMatch(/^evt_[0-9a-f]{32}$/);
      expect(typeof shipped.created_at).toBe('string');
      const deliveries = h.control.webhookDeliveries();
      expect(deliveries.every((delivery) => delivery.delivered)).toBe(true);
      expect(Math.max(...deliveries.map((delivery) => delivery.attempts))).toBe(2);
    } finally {
      await new Promise((resolve) => receiver.server.close(resolve));
    }
  });

  it('seeds the demo account with a catalogue that has gaps', async () => {
    h.control.reset();
    const keys = seedEasyPostDemo(h.control);
    h.testKey = keys.test_key;
    const { body } = await h.api('GET', 'inventories?per_page=500&includes[]=warehouse');
    expect(body.inventories).toHaveLength(24);
    expect(body.inventories.filter((row: Loose) => row.quantity === 0).length).toBeGreaterThan(3);
    const production = await h.api('GET', 'products?per_page=100', undefined, { key: keys.production_key });
    expect(production.body.products).toHaveLength(12);
  });
});
