import { seedWooCommerceDemo } from '../../../../src/simulators/woocommerce';
import { WooHarness, type Loose } from './harness';

describe('WooCommerce simulator: control API and faults', () => {
  let h: WooHarness;

  beforeAll(async () => {
    h = await WooHarness.start();
  });
  beforeEach(() => h.reset());
  afterAll(() => h.close());

  it('creates stores, orders (malformed on request), products; cancels; shows what epf did', async () => {
    const site = await h.simCall('POST', 'sites', { name: 'Shop', shipment_tracking: true });
    expect(site).toMatchObject({
      status: 201,
      body: {
        site_url: expect.stringMatching(/\/sites\/site\d+$/),
        consumer_key: expect.stringMatching(/^ck_[0-9a-f]{40}$/),
        consumer_secret: expect.stringMatching(/^cs_[0-9a-f]{40}$/),
        shipment_tracking: true,
      },
    });
    const created = await h.simCall('POST', 'orders', { site: site.body.site, malformed: 'missing_postcode' });
    expect(created).toMatchObject({ status: 201, body: { status: 'processing', shipping: { postcode: '' } } });
    const cancelled = await h.simCall('POST', `orders/${created.body.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    await h.simCall('POST', 'products', { site: site.body.site, sku: 'TOTE-NAT', stock: 4 });
    expect((await h.simCall('GET', `stock?site=${site.body.site}`)).body.stock).toEqual([
      expect.objectContaining({ sku: 'TOTE-NAT', stock_quantity: 4, manage_stock: true }),
    ]);
    const orders = await h.simCall('GET', `orders?site=${site.body.site}`);
    expect(orders.body.orders[0]).toMatchObject({ id: created.body.id, notes: [], shipment_trackings: [] });
    expect((await h.simCall('POST', 'orders', { site: 'nope' })).status).toBe(404);
    expect((await h.simCall('POST', 'orders', { site: site.body.site, malformed: 'odd' })).body.code).toBe(
      'rest_invalid_param',
    );
  });

  it('seeds a demo store with the demo SKUs', () => {
    const keys = seedWooCommerceDemo(h.control);
    const skus = h.control.orders(keys.site).flatMap((order) => order.line_items.map((line) => line.sku));
    expect(new Set(skus)).toEqual(new Set(['SOCK-CHAR-M', 'TOTE-NAT', 'TEE-WHT-S', 'GIFT-SET']));
    expect(keys.shipment_tracking).toBe(true);
  });

  it('latency delays the answer, then handles the request', async () => {
    await h.simCall('POST', 'faults', { route: 'GET /orders', kind: 'latency', latency_ms: 300 });
    const started = Date.now();
    expect((await h.api('GET', 'wc/v3/orders')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(h.control.requests()[0]).toMatchObject({ status: 200, fault: 'latency' });
  });

  it('server_error answers 5xx in the WordPress shape without performing the operation', async () => {
    const order = h.control.createOrder({ site: h.keys.site });
    h.control.addFault({ route: 'PUT /orders/:id', kind: 'server_error', times: 1 });
    const failed = await h.api('PUT', `wc/v3/orders/${order.id}`, { status: 'completed' });
    expect(failed).toMatchObject({ status: 503, body: { code: 'internal_server_error', data: { status: 503 } } });
    expect(failed.headers.get('retry-after')).toBe('1');
    expect(h.control.orders(h.keys.site)[0]?.status).toBe('processing');
    expect((await h.api('PUT', `wc/v3/orders/${order.id}`, { status: 'completed' })).status).toBe(200);
  });

  it('rate_limit answers 429 with Retry-After, once per `times`', async () => {
    h.control.addFault({ kind: 'rate_limit', retry_after_s: 7, times: 1 });
    const limited = await h.api('GET', 'wc/v3/orders');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await h.api('GET', 'wc/v3/orders')).status).toBe(200);
  });

  it('reset destroys the connection; malformed answers 200 with a body that is not JSON', async () => {
    const fault = await h.simCall('POST', 'faults', { route: 'GET /products', kind: 'reset' });
    await expect(h.api('GET', 'wc/v3/products')).rejects.toThrow();
    await h.simCall('DELETE', `faults/${fault.body.id}`);
    h.control.addFault({ route: 'GET /products', kind: 'malformed' });
    await expect(h.api('GET', 'wc/v3/products')).rejects.toThrow(SyntaxError);
    await h.simCall('DELETE', 'faults');
    expect((await h.api('GET', 'wc/v3/products')).status).toBe(200);
    expect(h.control.requests().map((entry: Loose) => entry.fault ?? null)).toEqual(['reset', 'malformed', null]);
  });

  it('rejects a bad fault rule in the WordPress error shape', async () => {
    expect((await h.simCall('POST', 'faults', { kind: 'explode' })).body).toMatchObject({
      code: 'rest_invalid_param',
      data: { status: 400 },
    });
  });
});
