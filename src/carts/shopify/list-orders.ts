import { z } from 'zod';
import type { OrderPage, PulledOrder } from '../adapter';
import { assignedFulfillmentOrdersSchema } from './fulfillment-order-schema';
import type { GraphqlClient } from './graphql-client';
import { toCancelled, toPulledOrder } from './normalise';
import { ASSIGNED_FULFILLMENT_ORDERS, ORDERS_PAGE_SIZE } from './queries';

/**
 * Our cursor (opaque to epf): the GraphQL cursor after the last requested fulfillment order we listed, and, while a
 * pull pages through cancellation requests, the cursor within those.
 */
const cursorSchema = z.object({ requested: z.string().optional(), cancellations: z.string().optional() });
type Cursor = z.infer<typeof cursorSchema>;

function readCursor(cursor: string | undefined): Cursor {
  if (!cursor) return {};
  let json: unknown;
  try {
    json = JSON.parse(cursor);
  } catch {
    json = undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) throw new Error('Shopify cursor is not one this adapter wrote');
  return parsed.data;
}

interface ListContext {
  client: GraphqlClient;
  locationId: string;
  cart: { merchantId: string; cartId: string };
}

async function page(context: ListContext, assignmentStatus: string, after: string | undefined) {
  const data = await context.client.request(
    ASSIGNED_FULFILLMENT_ORDERS,
    { assignmentStatus, locationIds: [context.locationId], first: ORDERS_PAGE_SIZE, after: after ?? null },
    assignedFulfillmentOrdersSchema,
  );
  return data.assignedFulfillmentOrders;
}

/**
 * One page of a pull. First the fulfillment orders whose fulfillment was requested, after the stored cursor; they
 * stay in that list until accepted, so the cursor is what keeps a pull from listing them twice. When that list is
 * exhausted, the same call (and more pages if needed) lists the pending cancellation requests from the start: those
 * stay until answered, so every pull sees them once.
 */
export async function listOrders(context: ListContext, cursor: string | undefined): Promise<OrderPage> {
  const state = readCursor(cursor);
  const orders: PulledOrder[] = [];
  let requested = state.requested;
  if (state.cancellations === undefined) {
    const fresh = await page(context, 'FULFILLMENT_REQUESTED', requested);
    orders.push(...fresh.nodes.map((node) => toPulledOrder(node, context.cart)));
    requested = fresh.pageInfo.endCursor ?? requested;
    if (fresh.pageInfo.hasNextPage) return { orders, cursor: JSON.stringify({ requested }), hasMore: true };
  }
  const cancellations = await page(context, 'CANCELLATION_REQUESTED', state.cancellations);
  orders.push(...cancellations.nodes.map(toCancelled));
  const next: Cursor = cancellations.pageInfo.hasNextPage
    ? { requested, cancellations: cancellations.pageInfo.endCursor ?? undefined }
    : { requested };
  return { orders, cursor: JSON.stringify(next), hasMore: cancellations.pageInfo.hasNextPage };
}
