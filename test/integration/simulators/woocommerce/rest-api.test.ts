import { WooHarness, type Loose } from './harness';

describe('WooCommerce simulator: REST API', () => {
  let h: WooHarness;

  beforeAll(async () => {
    h = await WooHarness.start();
  });
  beforeEach(() => h.reset());
  afterAll(() => h.close());

  it('authenticates by consumer key and secret, in HTTP Basic or the query, in WordPress error shapes', async () => {
    expect((await h.api('GET', 'wc/v3/orders')).status).toBe(200);
    const query = `consumer_key=${h.keys.consumer_key}&consumer_secret=${h.keys.consumer_secret}`;
    expect((await h.api('GET', `wc/v3/orders?${query}`, undefined, null)).status).toBe(200);
    expect(await h.api('GET', 'wc/v3/orders', undefined, null)).toMatchObject({
      status: 401,
      body: { code: 'woocommerce_rest_cannot_view', message: expect.any(String), data: { status: 401 } },
    });
    const badKey = await h.api('GET', 'wc/v3/orders', undefined, h.basic('ck_nope'));
    expect(badKey.body).toMatchObject({
      code: 'woocommerce_rest_authentication_error',
      message: 'Consumer key is invalid.',
    });
    const badSecret = await h.api('GET', 'wc/v3/orders', undefined, h.basic(h.keys.consumer_key, 'cs_nope'));
    expect(badSecret.body.message).toBe('Consumer secret is invalid.');
  });

  it('keeps stores apart: one store’s key does not open another', async () => {
    const other = h.control.createSite({ name: 'Other' });
    h.control.createOrder({ site: other.site });
    expect((await h.api('GET', 'wc/v3/orders')).body).toEqual([]);
    const response = await fetch(`${other.site_url}/wp-json/wc/v3/orders`, { headers: { authorization: h.basic() } });
    expect(response.status).toBe(401);
  });

  it('pages with X-WP-Total and X-WP-TotalPages, filters by statuses and modified_after (strict), sorts by modified', async () => {
    const at = (second: number) => `2025-03-14T10:00:0${second}`;
    const ids = [1, 2, 3, 4, 5].map(
      (second) => h.control.createOrder({ site: h.keys.site, order: { date_modified_gmt: at(second) } }).id,
    );
    h.control.createOrder({ site: h.keys.site, order: { status: 'completed', date_modified_gmt: at(6) } });
    h.control.cancelOrder(ids[0]!);
    const query = `status=processing,cancelled&orderby=modified&order=asc&per_page=2&modified_after=${at(1)}&dates_are_gmt=true`;
    const first = await h.api('GET', `wc/v3/orders?${query}`);
    expect(first.headers.get('x-wp-total')).toBe('5');
    expect(first.headers.get('x-wp-totalpages')).toBe('3');
    expect(first.body.map((order: Loose) => order.id)).toEqual([ids[1], ids[2]]);
    const second = await h.api('GET', `wc/v3/orders?${query}&page=2`);
    expect(second.body.map((order: Loose) => order.id)).toEqual([ids[3], ids[4]]);
    // Cancelling modified the first order just now, so it sorts last.
    const third = await h.api('GET', `wc/v3/orders?${query}&page=3`);
    expect(third.body).toEqual([expect.objectContaining({ id: ids[0], status: 'cancelled' })]);
  });

  it('answers per_page above 100 with 400 rest_invalid_param', async () => {
    const response = await h.api('GET', 'wc/v3/orders?per_page=101');
    expect(response).toMatchObject({
      status: 400,
      body: { code: 'rest_invalid_param', data: { status: 400, params: { per_page: expect.any(String) } } },
    });
  });

  it('returns the order shape epf reads', async () => {
    const order = h.control.createOrder({ site: h.keys.site });
    const response = await h.api('GET', `wc/v3/orders/${order.id}`);
    expect(response.body).toMatchObject({
      id: order.id,
      number: String(order.id),
      status: 'processing',
      date_created_gmt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
      shipping: { first_name: 'Ada', postcode: '94104', country: 'US' },
      billing: { email: 'ada@example.com' },
      line_items: [{ id: expect.any(Number), sku: 'SOCK-CHAR-M', quantity: 1, variation_id: 0 }],
      shipping_lines: [{ method_id: 'flat_rate', method_title: 'Flat rate' }],
      meta_data: [],
    });
    expect((await h.api('GET', 'wc/v3/orders/999999')).body.code).toBe('woocommerce_rest_shop_order_invalid_id');
  });

  it('updates status, adds notes (newest first) and moves date_modified', async () => {
    const order = h.control.createOrder({ site: h.keys.site, order: { date_modified_gmt: '2025-01-01T00:00:00' } });
    const note = await h.api('POST', `wc/v3/orders/${order.id}/notes`, { note: 'Hello', customer_note: true });
    expect(note).toMatchObject({ status: 201, body: { note: 'Hello', customer_note: true } });
    await h.api('POST', `wc/v3/orders/${order.id}/notes`, { note: 'Second' });
    expect((await h.api('GET', `wc/v3/orders/${order.id}/notes`)).body.map((n: Loose) => n.note)).toEqual([
      'Second',
      'Hello',
    ]);
    const updated = await h.api('PUT', `wc/v3/orders/${order.id}`, { status: 'completed' });
    expect(updated.body.status).toBe('completed');
    expect(updated.body.date_modified_gmt > '2025-01-01T00:00:00').toBe(true);
    expect((await h.api('PUT', `wc/v3/orders/${order.id}`, { status: 'shipped' })).status).toBe(400);
  });

  it('has Shipment Tracking routes only where the store has the extension', async () => {
    const order = h.control.createOrder({ site: h.keys.site });
    const path = `wc-shipment-tracking/v3/orders/${order.id}/shipment-trackings`;
    const created = await h.api('POST', path, { tracking_provider: 'USPS', tracking_number: '9400111899560000000000' });
    expect(created).toMatchObject({
      status: 201,
      body: { tracking_id: expect.stringMatching(/^[0-9a-f]{32}$/), tracking_provider: 'USPS' },
    });
    expect(created.body.tracking_link).toContain('9400111899560000000000');
    expect((await h.api('GET', path)).body).toHaveLength(1);

    h.reset(false);
    const plain = h.control.createOrder({ site: h.keys.site });
    const absent = await h.api('GET', `wc-shipment-tracking/v3/orders/${plain.id}/shipment-trackings`);
    expect(absent).toMatchObject({ status: 404, body: { code: 'rest_no_route' } });
  });

  it('finds products by comma-separated SKUs and batch-updates stock, at most 100 items per call (413 above)', async () => {
    const a = h.control.setProduct({ site: h.keys.site, sku: 'A', stock: 1 });
    h.control.setProduct({ site: h.keys.site, sku: 'B', stock: 2 });
    h.control.setProduct({ site: h.keys.site, sku: 'C', stock: 3 });
    const found = await h.api('GET', 'wc/v3/products?sku=A,C&per_page=100');
    expect(found.body.map((product: Loose) => product.sku).sort()).toEqual(['A', 'C']);

    const batch = await h.api('POST', 'wc/v3/products/batch', {
      update: [
        { id: a.id, stock_quantity: 0, manage_stock: true },
        { id: 424242, stock_quantity: 5 },
      ],
    });
    expect(batch.body.update[0]).toMatchObject({ id: a.id, stock_quantity: 0, stock_status: 'outofstock' });
    expect(batch.body.update[1]).toMatchObject({ id: 424242, error: { code: 'woocommerce_rest_product_invalid_id' } });

    const tooMany = Array.from({ length: 101 }, () => ({ id: a.id, stock_quantity: 9 }));
    expect(await h.api('POST', 'wc/v3/products/batch', { update: tooMany })).toMatchObject({
      status: 413,
      body: { code: 'woocommerce_rest_request_entity_too_large', data: { status: 413 } },
    });
    expect(h.control.stock(h.keys.site).find((product) => product.sku === 'A')?.stock_quantity).toBe(0);
  });

  it('answers unknown routes with rest_no_route', async () => {
    expect((await h.api('GET', 'wc/v3/nothing')).body.code).toBe('rest_no_route');
  });
});
