import { SimHarness, type Loose } from './sim-harness';

describe('EasyPost simulator: products, warehouses, inventories', () => {
  let h: SimHarness;

  beforeAll(async () => {
    h = await SimHarness.start();
  });
  beforeEach(() => h.reseed());
  afterAll(() => h.close());

  it('creates products with defaults and refuses a duplicate barcode', async () => {
    const created = await h.api('POST', 'products/', { title: 'Delta', barcode: 'D-0004', weight: { value: 10 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      object: 'Product',
      mode: 'test',
      type: 'merchandise',
      weight: { value: 10, unit: 'OZ' },
      length: null,
    });
    expect(created.body.id).toMatch(/^prod_[0-9a-f]{32}$/);
    const duplicate = await h.api('POST', 'products', { title: 'Again', barcode: 'D-0004' });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors).toMatchObject({ code: 'PRODUCT.BARCODE.DUPLICATE', field: 'barcode' });
    const missing = await h.api('POST', 'products', { barcode: 'E-0005' });
    expect(missing.body.errors).toMatchObject({ code: 'REQUEST.BODY.INVALID', field: 'title' });
  });

  it('lists products in pages and gets, patches and deletes one', async () => {
    const page = await h.api('GET', 'products?page=1&per_page=2');
    expect(page.body.products.map((p: Loose) => p.barcode)).toEqual(['C-0003']);
    const id = h.products['B-0002'];
    const patched = await h.api('PATCH', `products/${id}`, { title: 'Bravo 2' });
    expect(patched.body).toMatchObject({ id, title: 'Bravo 2', barcode: 'B-0002' });
    const clash = await h.api('PATCH', `products/${id}`, { barcode: 'A-0001' });
    expect(clash.body.errors.code).toBe('PRODUCT.BARCODE.DUPLICATE');
    expect((await h.api('DELETE', `products/${id}`)).body.id).toBe(id);
    expect((await h.api('GET', `products/${id}`)).status).toBe(404);
  });

  it('lists warehouses', async () => {
    const { body } = await h.api('GET', 'warehouses');
    expect(body.warehouses.map((wh: Loose) => [wh.short_name, wh.object, wh.disabled_at])).toEqual([
      ['ELM', 'Warehouse', null],
      ['HEB', 'Warehouse', null],
    ]);
    expect(body.warehouses[0].id).toMatch(/^wh_[0-9a-f]{32}$/);
  });

  it('returns one row per product and warehouse, zero rows included, with includes[]', async () => {
    const query = `product_ids[]=${h.products['C-0003']}&includes[]=warehouse`;
    const { body } = await h.api('GET', `inventories?${query}`);
    expect(body.inventories).toEqual([
      { product_id: h.products['C-0003'], warehouse: expect.objectContaining({ short_name: 'ELM' }), quantity: 0 },
      { product_id: h.products['C-0003'], warehouse: expect.objectContaining({ short_name: 'HEB' }), quantity: 3 },
    ]);
    const withProduct = await h.api('GET', `inventories?product_ids=${h.products['A-0001']}&includes[]=product`);
    expect(withProduct.body.inventories[0]).toMatchObject({
      product: { barcode: 'A-0001' },
      warehouse_id: h.warehouses.ELM,
      quantity: 5,
    });
    const all = await h.api('GET', 'inventories?per_page=4&page=1');
    expect(all.body.inventories).toHaveLength(2);
    const badInclude = await h.api('GET', 'inventories?includes[]=orders');
    expect(badInclude.body.errors).toMatchObject({ code: 'INVENTORY.INCLUDES.INVALID', field: 'includes[]' });
  });

  it('accepts 28 product_ids and refuses 29', async () => {
    const ids = (count: number) =>
      Array.from({ length: count }, (_, index) => `product_ids[]=prod_${String(index).padStart(32, '0')}`).join('&');
    const ok = await h.api('GET', `inventories?${ids(27)}&product_ids[]=${h.products['A-0001']}`);
    expect(ok.status).toBe(200);
    expect(ok.body.inventories).toHaveLength(2);
    const tooMany = await h.api('GET', `inventories?${ids(29)}`);
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors).toMatchObject({ code: 'INVENTORY.PRODUCT_IDS.TOO_MANY', field: 'product_ids[]' });
  });
});
