import { z } from 'zod';
import { CartRefusal, type TrackingPush } from '../adapter';
import { fulfillmentOrderState, trackingNumbers } from './fulfillment-order-state';
import { acceptFulfillmentRequest } from './fulfillment-requests';
import type { GraphqlClient } from './graphql-client';
import { FULFILLMENT_CREATE } from './queries';
import { refusal, userErrorsSchema } from './user-errors';

const payloadSchema = z.object({ fulfillmentCreate: z.object({ userErrors: userErrorsSchema }).nullable() });

/**
 * One package as a Shopify fulfillment of the fulfillment order's lines, with tracking. Idempotent by tracking
 * number: Shopify would happily record the same package twice, so we first look for a fulfillment carrying it.
 */
export async function pushTracking(client: GraphqlClient, push: TrackingPush): Promise<void> {
  const state = await fulfillmentOrderState(client, push.cartOrderId);
  if (!state) throw new CartRefusal(`Shopify has no fulfillment order ${push.cartOrderId}`);
  if (trackingNumbers(state).has(push.trackingCode)) return;
  // The warehouse shipped an order whose request we have not accepted yet (the accept at pull time failed or is still
  // being retried): shipping it is accepting it, and Shopify refuses a fulfillment on an unaccepted request.
  if (state.requestStatus === 'SUBMITTED') await acceptFulfillmentRequest(client, push.cartOrderId);
  const data = await client.request(
    FULFILLMENT_CREATE,
    {
      fulfillment: {
        lineItemsByFulfillmentOrder: [
          {
            fulfillmentOrderId: push.cartOrderId,
            fulfillmentOrderLineItems: push.lines.map((line) => ({ id: line.lineId, quantity: line.quantity })),
          },
        ],
        trackingInfo: { company: push.carrier, number: push.trackingCode, url: push.trackingUrl ?? null },
        // Shopify sends the buyer its shipping confirmation, as merchants expect from a fulfillment service.
        notifyCustomer: true,
      },
    },
    payloadSchema,
  );
  const userErrors = data.fulfillmentCreate?.userErrors ?? [];
  if (userErrors.length > 0) throw refusal(FULFILLMENT_CREATE.name, userErrors);
}
