import { SUPPORTED_API_VERSIONS } from '../../../../src/simulators/shopify';
import { ACCEPT, LIST, ShopifyHarness } from './harness';

describe('Shopify simulator: Admin GraphQL API', () => {
  let h: ShopifyHarness;

  beforeAll(async () => {
    h = await ShopifyHarness.start();
  });
  beforeEach(() => h.reset());
  afterAll(() => h.close());

  it('answers 401 with Shopify’s body for an unknown token, 404 for an unknown shop or version', async () => {
    const unauthorised = await h.graphql('{ location { id } }', {}, { token: 'shpat_wrong' });
    expect(unauthorised.status).toBe(401);
    expect(unauthorised.body).toEqual({
      errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
    });
  });

  it('serves each supported version, falls an expired one forward to the oldest, and 404s one that never was', async () => {
    const served = async (version: string) => {
      const answer = await h.graphql('{ location { id } }', {}, { version });
      return [answer.status, answer.headers.get('x-shopify-api-version')];
    };
    for (const version of SUPPORTED_API_VERSIONS) expect(await served(version)).toEqual([200, version]);
    expect(await served('2023-01')).toEqual([200, '2026-01']);
    expect(await served('2026-02')).toEqual([404, null]);
    expect(await served('2027-01')).toEqual([404, null]);
    expect(await served('latest')).toEqual([404, null]);
  });

  it('validates documents against the schema like Shopify: 200 with undefinedField errors', async () => {
    const answer = await h.graphql('{ location { id warehouseCode } }');
    expect(answer.status).toBe(200);
    expect(answer.body.errors[0]).toMatchObject({
      message: "Field 'warehouseCode' doesn't exist on type 'Location'",
      extensions: { code: 'undefinedField', typeName: 'Location', fieldName: 'warehouseCode' },
    });
    expect(answer.body.data).toBeUndefined();
  });

  it('pages assigned fulfillment orders with cursors and reports requested and actual cost', async () => {
    for (let i = 0; i < 5; i += 1) h.order();
    const first = await h.graphql(LIST, { status: 'FULFILLMENT_REQUESTED', first: 2 });
    const page = first.body.data.assignedFulfillmentOrders;
    expect(page.nodes.map((fo: { order: { name: string } }) => fo.order.name)).toEqual(['#1001', '#1002']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    // 2 + 2 × (node 1 + order 1 + lineItems (2 + 10 × 1)) requested; actual counts the one line each has.
    expect(first.body.extensions.cost).toMatchObject({ requestedQueryCost: 30, actualQueryCost: 12 });
    expect(first.body.extensions.cost.throttleStatus).toMatchObject({ maximumAvailable: 1000, restoreRate: 1000 });

    const rest = await h.graphql(LIST, { status: 'FULFILLMENT_REQUESTED', first: 10, after: page.pageInfo.endCursor });
    const names = rest.body.data.assignedFulfillmentOrders.nodes.map(
      (fo: { order: { name: string } }) => fo.order.name,
    );
    expect(names).toEqual(['#1003', '#1004', '#1005']);
    expect(rest.body.data.assignedFulfillmentOrders.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a connection without first, and a query over the single-query cost limit', async () => {
    const noFirst = await h.graphql('{ assignedFulfillmentOrders { nodes { id } } }');
    expect(noFirst.body.errors[0].message).toMatch(/first or last/);
    const tooDear = await h.graphql(LIST, { first: 250 });
    expect(tooDear.body.errors[0].extensions).toMatchObject({ code: 'MAX_COST_EXCEEDED' });
  });

  it('throttles when the bucket lacks the requested cost, then serves once it has refilled', async () => {
    h.reset({ maximum_available: 31, restore_rate: 100 });
    h.order();
    h.order();
    // Requests 30, pays its actual 12: 19 left, too few for the next one.
    expect((await h.graphql(LIST, { first: 2 })).body.data).toBeDefined();
    const throttled = await h.graphql(LIST, { first: 2 });
    expect(throttled.status).toBe(200);
    expect(throttled.body.errors).toEqual([
      { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: expect.any(String) } },
    ]);
    expect(throttled.body.extensions.cost).toMatchObject({ requestedQueryCost: 30, actualQueryCost: null });
    const { currentlyAvailable, restoreRate } = throttled.body.extensions.cost.throttleStatus;
    await new Promise((resolve) => setTimeout(resolve, ((30 - currentlyAvailable) / restoreRate) * 1000 + 50));
    expect((await h.graphql(LIST, { first: 2 })).body.data.assignedFulfillmentOrders.nodes).toHaveLength(2);
  });

  it('runs the request, accept, cancellation flow with userErrors for answers out of turn', async () => {
    const fo = h.order();
    const accepted = await h.graphql(ACCEPT, { id: fo.id });
    expect(accepted.body.data.fulfillmentOrderAcceptFulfillmentRequest).toEqual({
      fulfillmentOrder: { status: 'IN_PROGRESS', requestStatus: 'ACCEPTED' },
      userErrors: [],
    });
    const again = await h.graphql(ACCEPT, { id: fo.id });
    expect(again.body.data.fulfillmentOrderAcceptFulfillmentRequest.userErrors).toEqual([
      { field: ['id'], message: expect.stringMatching(/Cannot accept/) },
    ]);

    h.control.cancelOrder(fo.order_id, { reason: 'Wrong size' });
    const cancellations = await h.graphql(LIST, { status: 'CANCELLATION_REQUESTED', first: 5 });
    expect(cancellations.body.data.assignedFulfillmentOrders.nodes).toEqual([
      expect.objectContaining({ id: fo.id, requestStatus: 'CANCELLATION_REQUESTED' }),
    ]);
    const accept = await h.graphql(
      `mutation($id: ID!) { fulfillmentOrderAcceptCancellationRequest(id: $id, message: "Stopped") {
        fulfillmentOrder { status requestStatus } userErrors { message } } }`,
      { id: fo.id },
    );
    expect(accept.body.data.fulfillmentOrderAcceptCancellationRequest.fulfillmentOrder).toEqual({
      status: 'CLOSED',
      requestStatus: 'CANCELLATION_ACCEPTED',
    });
    expect(h.control.fulfillmentOrders(h.shop.shop_id)[0]).toMatchObject({ last_message: 'Stopped' });
  });

  it('creates fulfillments against remaining quantities and closes the fulfillment order when all shipped', async () => {
    const fo = h.order([['TOTE-NAT', 3]]);
    await h.graphql(ACCEPT, { id: fo.id });
    const create = `mutation($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { fulfillment { id } userErrors { message } } }`;
    const line = (quantity: number) => ({
      lineItemsByFulfillmentOrder: [
        { fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lines[0]!.id, quantity }] },
      ],
      trackingInfo: { company: 'USPS', number: `9400${quantity}` },
    });
    expect((await h.graphql(create, { f: line(4) })).body.data.fulfillmentCreate.userErrors).toEqual([
      { message: 'Invalid fulfillment order line item quantity requested.' },
    ]);
    expect((await h.graphql(create, { f: line(1) })).body.data.fulfillmentCreate.userErrors).toEqual([]);
    expect((await h.graphql(create, { f: line(2) })).body.data.fulfillmentCreate.userErrors).toEqual([]);
    expect(h.control.fulfillmentOrders(h.shop.shop_id)[0]).toMatchObject({ status: 'CLOSED' });
    expect(h.control.fulfillments(h.shop.shop_id).map((f) => [f.tracking.number, f.lines[0]!.quantity])).toEqual([
      ['94001', 1],
      ['94002', 2],
    ]);
  });

  it('sets available quantities, at most 250 per call, once per idempotency key', async () => {
    const items = h.control.addInventoryItems({ shop: h.shop.shop_id, skus: ['A', 'B'] });
    const [a, b] = items.map((item) => item.inventory_item_id) as [string, string];
    const set = `mutation($input: InventorySetQuantitiesInput!, $key: String!) {
      inventorySetQuantities(input: $input) @idempotent(key: $key) {
        inventoryAdjustmentGroup { id } userErrors { code field message } } }`;
    const quantity = (inventoryItemId: string, value: number) => ({
      inventoryItemId,
      locationId: h.shop.location_id,
      quantity: value,
      changeFromQuantity: null,
    });
    const setLevels = async (key: string, quantities: object[]) =>
      (await h.graphql(set, { key, input: { name: 'available', reason: 'correction', quantities } })).body;
    expect((await setLevels('k1', [quantity(a, 7)])).data.inventorySetQuantities.userErrors).toEqual([]);
    expect(h.control.inventory(h.shop.shop_id)).toEqual([
      { sku: 'A', inventory_item_id: a, available: 7 },
      { sku: 'B', inventory_item_id: b, available: null },
    ]);
    const tooMany = await setLevels(
      'k2',
      Array.from({ length: 251 }, () => quantity(b, 1)),
    );
    expect(tooMany.data.inventorySetQuantities.userErrors[0].field).toEqual(['input', 'quantities']);
    const stale = await setLevels('k3', [{ ...quantity(a, 9), changeFromQuantity: 6 }]);
    expect(stale.data.inventorySetQuantities.userErrors[0].code).toBe('CHANGE_FROM_QUANTITY_STALE');
    const { changeFromQuantity: _omitted, ...unchecked } = quantity(b, 1);
    const noChangeFrom = await setLevels('k4', [unchecked]);
    expect(noChangeFrom.data.inventorySetQuantities.userErrors[0].field).toEqual([
      'input',
      'quantities',
      '0',
      'changeFromQuantity',
    ]);

    // A repeated key answers as the first time without applying again; with other input it is refused.
    await setLevels('k5', [quantity(a, 3)]);
    await setLevels('k6', [quantity(a, 4)]);
    expect((await setLevels('k5', [quantity(a, 3)])).data.inventorySetQuantities.userErrors).toEqual([]);
    expect(h.control.inventory(h.shop.shop_id)[0]!.available).toBe(4);
    const reused = await setLevels('k5', [quantity(a, 5)]);
    expect(reused.data.inventorySetQuantities.userErrors[0].code).toBe('IDEMPOTENCY_KEY_PARAMETER_MISMATCH');

    const withoutKey = await h.graphql(
      `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }`,
      { input: { name: 'available', reason: 'correction', quantities: [quantity(a, 1)] } },
    );
    expect(withoutKey.body.errors[0].message).toMatch(/@idempotent/);
  });

  it('takes 2026-01’s deprecated compare fields and names them in X-Shopify-API-Deprecated-Reason', async () => {
    const [item] = h.control.addInventoryItems({ shop: h.shop.shop_id, skus: ['A'] });
    const legacy = `mutation { inventorySetQuantities(input: { name: "available", reason: "correction",
      ignoreCompareQuantity: true, quantities: [{ inventoryItemId: "${item!.inventory_item_id}",
      locationId: "${h.shop.location_id}", quantity: 2 }] }) { userErrors { code } } }`;
    const old = await h.graphql(legacy, {}, { version: '2026-01' });
    expect(old.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(old.headers.get('x-shopify-api-deprecated-reason')).toBe(
      'InventorySetQuantitiesInput.ignoreCompareQuantity',
    );
    const removed = await h.graphql(legacy, {}, { version: '2026-04' });
    expect(removed.body.errors[0].message).toMatch(/ignoreCompareQuantity/);
    const viaVariables = await h.graphql(
      `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }`,
      {
        input: {
          name: 'available',
          reason: 'correction',
          quantities: [
            {
              inventoryItemId: item!.inventory_item_id,
              locationId: h.shop.location_id,
              quantity: 3,
              compareQuantity: 2,
            },
          ],
        },
      },
      { version: '2026-01' },
    );
    expect(viaVariables.body.data.inventorySetQuantities.userErrors).toEqual([]);
    expect(viaVariables.headers.get('x-shopify-api-deprecated-reason')).toBe('InventoryQuantityInput.compareQuantity');
    const current = await h.graphql('{ location { id } }', {}, { version: '2026-01' });
    expect(current.headers.get('x-shopify-api-deprecated-reason')).toBeNull();
  });
});
