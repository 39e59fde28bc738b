import { z } from 'zod';
import type { OrderPage, PulledOrder } from '../adapter';
import { assignedFulfillmentOrdersSchema } from './fulfillment-order-schema';
import type { GraphqlClient } from './graphql-client';
import { toCancelled, toPulledOrder } from './normalise';
import { ASSIGNED_FULFILLMENT_ORDERS, ORDERS_PAGE_SIZE } from './queries';

/**
 * Our cursor (opaque to epf): where the pull under way stands, as the GraphQL cursor after the last requested
 * fulfillment order it listed, or, once it pages through cancellation requests, the cursor within those. A pull that
 * has listed everything leaves it empty, so the next pull starts from the beginning.
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
 * One page of a pull. Every pull lists all the open fulfillment requests from the start: a request stays in that list
 * until we accept it, and one can join it anywhere, since a released hold, a scheduled order coming due or a
 * re-submitted request keeps its old id and sorts before what we listed last time. The orders index tells the
 * requests we already started (a failed accept, a malformed order) from new ones. When that list is exhausted, the
 * same call (and more pages if needed) lists the pending cancellation requests from the start: those stay until
 * answered, so every pull sees them once.
 */
export async function listOrders(context: ListContext, cursor: string | undefined): Promise<OrderPage> {
  const state = readCursor(cursor);
  const orders: PulledOrder[] = [];
  if (state.cancellations === undefined) {
    const requested = await page(context, 'FULFILLMENT_REQUESTED', state.requested);
    orders.push(...requested.nodes.map((node) => toPulledOrder(node, context.cart)));
    if (requested.pageInfo.hasNextPage) {
      const next: Cursor = { requested: requested.pageInfo.endCursor ?? undefined };
      return { orders, cursor: JSON.stringify(next), hasMore: true };
    }
  }
  const cancellations = await page(context, 'CANCELLATION_REQUESTED', state.cancellations);
  orders.push(...cancellations.nodes.map(toCancelled));
  const next: Cursor = cancellations.pageInfo.hasNextPage
    ? { cancellations: cancellations.pageInfo.endCursor ?? undefined }
    : {};
  return { orders, cursor: JSON.stringify(next), hasMore: cancellations.pageInfo.hasNextPage };
}
