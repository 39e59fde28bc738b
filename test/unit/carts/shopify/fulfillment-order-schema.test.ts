import {
  assignedFulfillmentOrdersSchema,
  fulfillmentOrderNodeSchema,
} from '../../../../src/carts/shopify/fulfillment-order-schema';
import { toPulledOrder } from '../../../../src/carts/shopify/normalise';

const CART = { merchantId: 'acme', cartId: 'acme-shopify' };

describe('Shopify fulfillment order schema', () => {
  // Found by test/fuzz/cart-orders.fuzz.test.ts: one wrong-typed field failed the whole page, so the pull retried
  // the same page forever and every order behind it waited.
  it('reads wrong-typed fields as absent, so the order is malformed naming them and the page still lists', () => {
    const node = fulfillmentOrderNodeSchema.parse({
      id: 'gid://shopify/FulfillmentOrder/1',
      status: 4,
      order: { name: '#1001', createdAt: 1_700_000_000, shippingLine: { title: null }, shippingAddress: 'x' },
      destination: [],
      lineItems: { nodes: [{ id: 5, sku: 'TOTE', productTitle: null, remainingQuantity: '2' }], pageInfo: {} },
      merchantRequests: null,
    });
    const pulled = toPulledOrder(node, CART);
    expect(pulled.kind).toBe('malformed');
    const fields = pulled.kind === 'malformed' ? pulled.problems.map((problem) => problem.field) : [];
    expect(fields).toEqual(expect.arrayContaining(['placedAt', 'shipTo', 'lines', 'shipMethod']));
  });

  it('keeps the lines of a readable connection, naming a bad line ID or quantity at its line', () => {
    const node = fulfillmentOrderNodeSchema.parse({
      id: 'gid://shopify/FulfillmentOrder/1',
      order: { name: '#1001' },
      lineItems: { nodes: [{ id: 5, sku: 'TOTE', remainingQuantity: '2' }], pageInfo: { hasNextPage: false } },
    });
    const pulled = toPulledOrder(node, CART);
    const fields = pulled.kind === 'malformed' ? pulled.problems.map((problem) => problem.field) : [];
    expect(fields).toEqual(expect.arrayContaining(['lines[0].lineId', 'lines[0].quantity']));
  });

  it('refuses a page that says more follow but gives no cursor to reach them', () => {
    const page = (endCursor: string | null) => ({
      assignedFulfillmentOrders: { nodes: [], pageInfo: { hasNextPage: true, endCursor } },
    });
    expect(assignedFulfillmentOrdersSchema.safeParse(page('c1')).success).toBe(true);
    const refused = assignedFulfillmentOrdersSchema.safeParse(page(null));
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'assignedFulfillmentOrders.pageInfo.endCursor',
    ]);
  });
});
