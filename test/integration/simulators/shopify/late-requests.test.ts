import { LIST, ShopifyHarness, type Loose } from './harness';

// Fulfillment requests that come after the order: what a released hold, a scheduled order or a re-submitted request
// looks like to a fulfillment service, by hand and as the `late_request` fault.
describe('Shopify simulator: late fulfillment requests', () => {
  let h: ShopifyHarness;

  beforeAll(async () => {
    h = await ShopifyHarness.start();
  });
  beforeEach(() => h.reset());
  afterAll(() => h.close());

  async function requestedIds(): Promise<string[]> {
    const answer = await h.graphql(LIST, { status: 'FULFILLMENT_REQUESTED', first: 50 });
    return answer.body.data.assignedFulfillmentOrders.nodes.map((node: Loose) => node.id);
  }

  it('creates an order on hold, scheduled or unsubmitted, and requests it later with its old id', async () => {
    const held = await h.simCall('POST', 'orders', { shop: h.shop.shop_id, unrequested: 'on_hold' });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({
      status: 'ON_HOLD',
      request_status: 'UNSUBMITTED',
      assignment_status: 'FULFILLMENT_UNSUBMITTED',
    });
    expect(h.control.createOrder({ shop: h.shop.shop_id, unrequested: 'scheduled' })).toMatchObject({
      status: 'SCHEDULED',
    });
    const placed = h.order();
    expect(await requestedIds()).toEqual([placed.id]);

    const requested = await h.simCall('POST', `fulfillment-orders/${encodeURIComponent(held.body.id)}/request`, {
      message: 'hold released',
    });
    expect(requested.status).toBe(200);
    expect(requested.body).toMatchObject({
      id: held.body.id,
      status: 'OPEN',
      request_status: 'SUBMITTED',
      assignment_status: 'FULFILLMENT_REQUESTED',
    });
    // Listed in id order: the late request comes before the order placed after it.
    expect(await requestedIds()).toEqual([held.body.id, placed.id]);

    const again = await h.simCall('POST', `fulfillment-orders/${encodeURIComponent(held.body.id)}/request`);
    expect(again.status).toBe(409);
    expect(again.body.errors).toMatch(/request SUBMITTED/);
    expect((await h.simCall('POST', 'fulfillment-orders/999999/request')).status).toBe(404);
    expect((await h.simCall('POST', 'orders', { shop: h.shop.shop_id, unrequested: 'later' })).body.errors).toMatch(
      /unrequested/,
    );
  });

  it('late_request holds a share of new orders back until a listing has gone by, and counts them', async () => {
    expect((await h.simCall('POST', 'faults', { kind: 'late_request', times: 1 })).status).toBe(201);
    const late = h.order();
    const placed = h.order();
    expect(late).toMatchObject({ status: 'OPEN', request_status: 'UNSUBMITTED' });

    // The listing right after does not show it; it is requested as that listing ends, so the next one does.
    expect(await requestedIds()).toEqual([placed.id]);
    expect(h.control.fulfillmentOrders(h.shop.shop_id)[0]).toMatchObject({ id: late.id, request_status: 'SUBMITTED' });
    expect(await requestedIds()).toEqual([late.id, placed.id]);
    expect((await h.simCall('GET', 'fault-counts')).body).toEqual({ counts: { late_request: 1 } });

    // A buyer who cancels while the request is held back leaves nothing to request: it does not count.
    h.control.addFault({ kind: 'late_request', times: 1, after_listings: 2 });
    const cancelled = h.order();
    h.control.cancelOrder(cancelled.order_id);
    await requestedIds();
    await requestedIds();
    expect(h.control.fulfillmentOrders(h.shop.shop_id).at(-1)).toMatchObject({ status: 'CLOSED' });
    expect(h.control.faultCounts()).toEqual({ late_request: 1 });
  });

  it('late_request with after_s requests the order once that time has passed', async () => {
    h.control.addFault({ kind: 'late_request', rate: 1, after_s: 0.2, seed: 1 });
    const late = h.order();
    expect(await requestedIds()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await requestedIds()).toEqual([late.id]);
    expect(h.control.faultCounts()).toEqual({ late_request: 1 });

    // Counted with the request log: clearing it, or the faults, is a fresh start.
    h.control.clearRequests();
    h.control.clearFaults();
    expect(h.control.faultCounts()).toEqual({});
    expect(h.order()).toMatchObject({ request_status: 'SUBMITTED' });
  });

  it('counts fault kinds and the operations each shop ran', async () => {
    h.control.addFault({ kind: 'server_error', operation: 'List', times: 1 });
    expect((await h.graphql(LIST, { first: 1 })).status).toBe(503);
    await h.graphql(LIST, { first: 1 });
    await h.graphql('{ location { id } }');
    expect(h.control.faultCounts()).toEqual({ server_error: 1 });
    // The failed request never reached the shop.
    expect((await h.simCall('GET', `operations?shop=${h.shop.shop_id}`)).body).toEqual({
      operations: { List: 1, '*': 1 },
    });
  });
});
