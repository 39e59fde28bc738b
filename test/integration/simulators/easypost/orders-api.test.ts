import { SimHarness, type Loose } from './sim-harness';

describe('EasyPost simulator: orders API', () => {
  let h: SimHarness;

  beforeAll(async () => {
    h = await SimHarness.start();
  });
  beforeEach(() => h.reseed());
  afterAll(() => h.close());

  it('rejects a missing or unknown key with 401 and the error shape', async () => {
    const missing = await h.api('GET', 'orders', undefined, { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body.errors).toMatchObject({ code: 'APIKEY.REQUIRED', suggestion: null, errors: [] });
    const unknown = await h.api('GET', 'orders', undefined, { key: 'EZTKnope' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors.code).toBe('APIKEY.INVALID');
  });

  it('creates an order from the first warehouse that fills every line and allocates its stock', async () => {
    const created = await h.api(
      'POST',
      'orders',
      h.order(
        [
          ['A-0001', 2],
          ['C-0003', 1],
        ],
        { service: 'Standard' },
      ),
    );
    expect(created.status).toBe(201);
    const order = created.body;
    expect(order).toMatchObject({
      object: 'Order',
      mode: 'test',
      status: 'created',
      service: 'standard',
      warehouse_id: h.warehouses.HEB,
      description: 'PO#1 epf:test',
      picks: [],
      trackers: [],
    });
    expect(order.id).toMatch(/^order_[0-9a-f]{32}$/);
    expect(order.destination.id).toMatch(/^adr_[0-9a-f]{32}$/);
    expect(Number.isInteger(order.created_at)).toBe(true);
    expect(order.line_items.map((line: Loose) => [line.product.barcode, line.units])).toEqual([
      ['A-0001', 2],
      ['C-0003', 1],
    ]);
    expect(await h.stock('A-0001', 'HEB')).toBe(0);
    expect(await h.stock('C-0003', 'HEB')).toBe(2);
    expect(await h.stock('A-0001', 'ELM')).toBe(5);

    const fetched = await h.api('GET', `orders/${order.id}/`);
    expect(fetched.body).toEqual(order);
  });

  it('rejects the whole order when stock is short, naming the barcodes, and allocates nothing', async () => {
    const rejected = await h.api(
      'POST',
      'orders',
      h.order([
        ['A-0001', 1],
        ['B-0002', 9],
      ]),
    );
    expect(rejected.status).toBe(422);
    expect(rejected.body.errors).toMatchObject({
      code: 'ORDER.LINE_ITEMS.INSUFFICIENT_INVENTORY',
      message: 'Not enough inventory for barcode B-0002',
      field: 'line_items[1].units',
      errors: [{ code: 'ORDER.LINE_ITEMS.INSUFFICIENT_INVENTORY', field: 'line_items[1].units' }],
    });
    expect(h.control.orders(h.testKey)).toEqual([]);
    expect(await h.stock('A-0001', 'ELM')).toBe(5);
  });

  it('allocates only in the pinned warehouse_id', async () => {
    const order = h.order([['A-0001', 3]], { warehouse_id: h.warehouses.HEB });
    const rejected = await h.api('POST', 'orders', order);
    expect(rejected.body.errors.code).toBe('ORDER.LINE_ITEMS.INSUFFICIENT_INVENTORY');
    const accepted = await h.api('POST', 'orders', h.order([['A-0001', 2]], { warehouse_id: h.warehouses.HEB }));
    expect(accepted.body.warehouse_id).toBe(h.warehouses.HEB);
    expect(await h.stock('A-0001', 'HEB')).toBe(0);
  });

  it('ignores or refuses warehouse_id as the order_warehouse_id setting says', async () => {
    h.control.configure({ order_warehouse_id: 'ignored' });
    const ignored = await h.api('POST', 'orders', h.order([['A-0001', 1]], { warehouse_id: h.warehouses.HEB }));
    expect(ignored.body.warehouse_id).toBe(h.warehouses.ELM);

    h.control.configure({ order_warehouse_id: 'refused' });
    const refused = await h.api('POST', 'orders', h.order([['A-0001', 1]], { warehouse_id: h.warehouses.HEB }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toMatchObject({ code: 'PARAMETER.UNKNOWN', field: 'warehouse_id' });
    const without = await h.api('POST', 'orders', h.order([['A-0001', 1]]));
    expect(without.status).toBe(201);
    expect(h.control.orders(h.testKey)).toHaveLength(2);
  });

  it('names the bad field for invalid bodies, unknown products and services', async () => {
    const badUnits = await h.api('POST', 'orders', h.order([['A-0001', 0]]));
    expect(badUnits.status).toBe(400);
    expect(badUnits.body.errors).toMatchObject({ code: 'REQUEST.BODY.INVALID', field: 'line_items[0].units' });
    expect(badUnits.body.errors.message).toContain('line_items[0].units');

    const badAddress = await h.api('POST', 'orders', h.order([['A-0001', 1]], { destination: { street1: 'x' } }));
    expect(badAddress.status).toBe(422);
    expect(badAddress.body.errors).toMatchObject({ code: 'ORDER.DESTINATION.INVALID', field: 'destination.city' });

    const unknown = await h.api('POST', 'orders', h.order([['NOPE', 1]]));
    expect(unknown.body.errors).toMatchObject({
      code: 'ORDER.LINE_ITEMS.PRODUCT_NOT_FOUND',
      field: 'line_items[0].product.barcode',
    });

    const service = await h.api('POST', 'orders', h.order([['A-0001', 1]], { service: 'teleport' }));
    expect(service.status).toBe(422);
    expect(service.body.errors).toMatchObject({ code: 'ORDER.SERVICE.INVALID', field: 'service' });

    const malformed = await h.send('POST', 'orders', '{"service":');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Loose).errors.code).toBe('REQUEST.BODY.INVALID');
  });

  it('cancels a created order, releasing stock and refunding fees; a repeat is a no-op', async () => {
    const { body: order } = await h.api('POST', 'orders', h.order([['A-0001', 4]]));
    expect(await h.stock('A-0001', 'ELM')).toBe(1);
    const cancelled = await h.api('DELETE', `orders/${order.id}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.fees.every((fee: Loose) => fee.refunded)).toBe(true);
    expect(await h.stock('A-0001', 'ELM')).toBe(5);
    expect((await h.api('DELETE', `orders/${order.id}`)).status).toBe(200);
    expect(await h.stock('A-0001', 'ELM')).toBe(5);
  });

  it('refuses cancel and edits once the order is picked', async () => {
    const { body: order } = await h.api('POST', 'orders', h.order([['A-0001', 1]]));
    h.control.advanceOrder(order.id, { api_key: h.testKey, to: 'picked' });
    const cancel = await h.api('DELETE', `orders/${order.id}`);
    expect(cancel.status).toBe(422);
    expect(cancel.body.errors.code).toBe('ORDER.STATUS.NOT_CANCELLABLE');
    const edit = await h.api('PATCH', `orders/${order.id}`, { description: 'changed' });
    expect(edit.body.errors.code).toBe('ORDER.STATUS.NOT_EDITABLE');
    expect(await h.stock('A-0001', 'ELM')).toBe(4);
  });

  it('merges PATCHed nested objects', async () => {
    const { body: order } = await h.api('POST', 'orders', h.order([['A-0001', 1]]));
    const patched = await h.api('PATCH', `orders/${order.id}`, { destination: { name: 'Jane Doe' } });
    expect(patched.status).toBe(200);
    // A merge bumps updated_at, which may cross a second boundary.
    const { updated_at: before, ...unchanged } = order.destination;
    expect(patched.body.destination).toMatchObject({ ...unchanged, name: 'Jane Doe' });
    expect(patched.body.destination.updated_at).toBeGreaterThanOrEqual(before);
    const bad = await h.api('PATCH', `orders/${order.id}`, { destination: { zip: '' } });
    expect(bad.body.errors).toMatchObject({ code: 'ORDER.DESTINATION.INVALID', field: 'destination.zip' });
  });

  it('lists newest first with 0-based pages, offset and query', async () => {
    h.control.setStock({ api_key: h.testKey, barcode: 'A-0001', warehouse_id: 'ELM', quantity: 100 });
    const ids: string[] = [];
    for (const index of [0, 1, 2, 3, 4]) {
      const { body } = await h.api('POST', 'orders', h.order([['A-0001', 1]], { description: `epf:ord_${index}` }));
      ids.push(body.id);
    }
    const newestFirst = [...ids].reverse();
    const page0 = await h.api('GET', 'orders?page=0&per_page=2');
    const page1 = await h.api('GET', 'orders?page=1&per_page=2');
    const page2 = await h.api('GET', 'orders?page=2&per_page=2');
    expect([...page0.body.orders, ...page1.body.orders, ...page2.body.orders].map((o: Loose) => o.id)).toEqual(
      newestFirst,
    );
    expect(page2.body.orders).toHaveLength(1);
    const offset = await h.api('GET', 'orders?offset=3&limit=1');
    expect(offset.body.orders.map((o: Loose) => o.id)).toEqual([newestFirst[3]]);
    const found = await h.api('GET', 'orders?query=EPF:ORD_3');
    expect(found.body.orders.map((o: Loose) => o.id)).toEqual([ids[3]]);
    const bad = await h.api('GET', 'orders?per_page=-1');
    expect(bad.body.errors).toMatchObject({ code: 'REQUEST.QUERY.INVALID', field: 'per_page' });
  });

  it('keeps test and production state apart, and answers unknown ids and routes with 404', async () => {
    const { body: order } = await h.api('POST', 'orders', h.order([['A-0001', 1]]));
    const production = await h.api('GET', `orders/${order.id}`, undefined, { key: h.productionKey });
    expect(production.status).toBe(404);
    expect(production.body.errors.code).toBe('NOT_FOUND');
    expect((await h.api('GET', 'products', undefined, { key: h.productionKey })).body.products).toEqual([]);
    const route = await h.api('GET', 'shipments');
    expect(route.status).toBe(404);
    expect(route.body.errors.code).toBe('NOT_FOUND');
  });
});
