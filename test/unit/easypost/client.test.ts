import { createEasyPostClient, INVENTORY_IDS_PER_CALL } from '../../../src/easypost';
import { wireOrder } from './fixtures';

type Handler = (url: URL, init: RequestInit) => { status?: number; body: unknown };

function clientWith(handler: Handler, baseUrl = 'https://ep.test/fulfillment/vendor/v2') {
  const urls: URL[] = [];
  const fetch = (async (input: URL, init: RequestInit) => {
    const url = new URL(String(input));
    urls.push(url);
    const { status = 200, body } = handler(url, init);
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  }) as unknown as typeof globalThis.fetch;
  return { client: createEasyPostClient({ apiKey: 'k', baseUrl, fetch }), urls };
}

describe('createEasyPostClient', () => {
  it('adds the missing trailing slash to the base URL', async () => {
    const { client, urls } = clientWith(() => ({ body: wireOrder('order_1') }));
    await client.getOrder('order_1');
    expect(urls[0]?.href).toBe('https://ep.test/fulfillment/vendor/v2/orders/order_1');
  });

  it('pages orders 0, 1, ... until a short page', async () => {
    const { client, urls } = clientWith((url) => {
      const page = Number(url.searchParams.get('page'));
      const count = page < 2 ? 2 : 1;
      return { body: { orders: Array.from({ length: count }, (_, i) => wireOrder(`order_${page}_${i}`)) } };
    });
    const ids: string[] = [];
    for await (const order of client.iterateOrders({ perPage: 2, query: 'epf:x' })) ids.push(order.id);
    expect(ids).toEqual(['order_0_0', 'order_0_1', 'order_1_0', 'order_1_1', 'order_2_0']);
    expect(urls.map((url) => url.search)).toEqual([
      '?page=0&per_page=2&query=epf%3Ax',
      '?page=1&per_page=2&query=epf%3Ax',
      '?page=2&per_page=2&query=epf%3Ax',
    ]);
  });

  it('asks for inventories 28 ids at a time, deduplicated, and merges the rows', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `prod_${i}`);
    const { client, urls } = clientWith((url) => ({
      body: {
        inventories: url.searchParams
          .getAll('product_ids[]')
          .map((id) => ({ product_id: id, warehouse_id: 'wh_1', quantity: 1 })),
      },
    }));
    const rows = await client.getInventories([...ids, 'prod_0'], { includes: ['warehouse'] });
    expect(urls.map((url) => url.searchParams.getAll('product_ids[]').length)).toEqual([
      INVENTORY_IDS_PER_CALL,
      INVENTORY_IDS_PER_CALL,
      4,
    ]);
    expect(urls[0]?.searchParams.getAll('includes[]')).toEqual(['warehouse']);
    expect(rows.map((row) => row.product_id)).toEqual(ids);
  });

  it('reads the order back when a cancel answers with an empty body', async () => {
    const { client, urls } = clientWith((_url, init) =>
      init.method === 'DELETE' ? { body: undefined } : { body: wireOrder('order_1', { status: 'cancelled' }) },
    );
    expect((await client.cancelOrder('order_1')).status).toBe('cancelled');
    expect(urls).toHaveLength(2);
  });

  it('derives shipments from the order', async () => {
    const { client } = clientWith(() => ({
      body: wireOrder('order_1', {
        status: 'shipped',
        picks: [
          { id: 'pick_1', tracker: { id: 'trk_1', tracking_code: 'T1' }, inventories: [{ product: { id: 'p' } }] },
        ],
      }),
    }));
    expect(await client.listShipments('order_1')).toEqual([
      expect.objectContaining({ orderId: 'order_1', pickId: 'pick_1', lineItems: [{ productId: 'p', units: 1 }] }),
    ]);
  });
});
