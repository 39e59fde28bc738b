import {
  startBigCommerceSimulator,
  type RunningBigCommerceSimulator,
  type StoreKeys,
} from '../../../../src/simulators/bigcommerce';
import { fetchControl, readAnswer, type HttpAnswer } from '../../../helpers/simulator-http';

// The simulator answers as docs/bigcommerce-api.md says BigCommerce does, to plain HTTP calls.
describe('BigCommerce simulator REST API', () => {
  let sim: RunningBigCommerceSimulator;
  let keys: StoreKeys;

  beforeAll(async () => {
    sim = await startBigCommerceSimulator();
  });
  afterAll(() => sim.close());
  beforeEach(() => {
    sim.control.reset();
    keys = sim.control.createStore({ quota: 5, window_ms: 60_000 });
  });

  async function api(method: string, path: string, body?: unknown, token = keys.access_token): Promise<HttpAnswer> {
    const response = await fetch(`${keys.api_url}/stores/${keys.store}/${path}`, {
      method,
      headers: { 'x-auth-token': token, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return readAnswer(response);
  }

  it('refuses a wrong token in the V2 or V3 error shape', async () => {
    expect(await api('GET', 'v2/orders', undefined, 'wrong')).toMatchObject({
      status: 401,
      body: [{ status: 401, message: expect.any(String) }],
    });
    expect((await api('GET', 'v3/catalog/variants', undefined, 'wrong')).body).toMatchObject({ status: 401 });
  });

  it('answers 204 for an empty listing and 400 for a limit over 250', async () => {
    expect(await api('GET', 'v2/orders')).toMatchObject({ status: 204, body: undefined });
    expect((await api('GET', 'v2/orders?limit=251')).status).toBe(400);
  });

  it('counts every request against the quota, with the four headers, and answers 429 once it is spent', async () => {
    const statuses: number[] = [];
    let last: HttpAnswer | undefined;
    for (let call = 0; call < 6; call++) {
      last = await api('GET', 'v2/orders');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([204, 204, 204, 204, 204, 429]);
    expect(Object.fromEntries([...last!.headers].filter(([name]) => name.startsWith('x-rate-limit')))).toEqual({
      'x-rate-limit-requests-left': '0',
      'x-rate-limit-requests-quota': '5',
      'x-rate-limit-time-reset-ms': expect.stringMatching(/^\d+$/),
      'x-rate-limit-time-window-ms': '60000',
    });
  });

  it('ships no more than is left to ship, and moves the status as items ship', async () => {
    const order = sim.control.createOrder({ store: keys.store, order: { products: [{ sku: 'A', quantity: 2 }] } });
    const item = { order_product_id: order.order_products[0]!.id, quantity: 2 };
    const shipment = { order_address_id: order.order_shipping_addresses[0]!.id, tracking_number: 'T1' };
    expect(
      (await api('POST', `v2/orders/${order.id}/shipments`, { ...shipment, items: [{ ...item, quantity: 3 }] })).status,
    ).toBe(400);
    expect((await api('POST', `v2/orders/${order.id}/shipments`, { ...shipment, items: [item] })).status).toBe(201);
    expect((await api('GET', `v2/orders/${order.id}`)).body).toMatchObject({ status_id: 2, status: 'Shipped' });
  });

  it('refuses a whole inventory adjustment for one unknown SKU', async () => {
    sim.control.setProduct({ store: keys.store, sku: 'A', stock: { 1: 4 } });
    const items = [
      { location_id: 1, sku: 'A', quantity: 9 },
      { location_id: 1, sku: 'NOPE', quantity: 1 },
    ];
    expect((await api('PUT', 'v3/inventory/adjustments/absolute', { items })).status).toBe(422);
    expect(sim.control.stock(keys.store)[0]?.inventory).toEqual({ 1: 4 });
  });

  it('control API: stores, orders and cancels over HTTP', async () => {
    const created = await fetchControl(sim.url, 'POST', 'orders', { store: keys.store, malformed: 'two_addresses' });
    const order = (await created.json()) as { id: number; order_shipping_addresses: unknown[] };
    expect(order.order_shipping_addresses).toHaveLength(2);
    const cancelled = await fetchControl(sim.url, 'POST', `orders/${order.id}/cancel`);
    expect(await cancelled.json()).toMatchObject({ status_id: 5, status: 'Cancelled' });
  });
});
