import { z } from 'zod';
import { CartRefusal, type WebhookCheck } from '../adapter';
import type { GraphqlClient } from './graphql-client';
import { FULFILLMENT_SERVICE_UPDATE, LOCATION_FULFILLMENT_SERVICE } from './queries';
import { refusal, userErrorsSchema } from './user-errors';

const serviceSchema = z.object({
  location: z
    .object({
      fulfillmentService: z
        .object({
          id: z.string(),
          callbackUrl: z.string().nullish(),
          trackingSupport: z.boolean(),
          inventoryManagement: z.boolean(),
        })
        .nullable(),
    })
    .nullable(),
});

const updateSchema = z.object({
  fulfillmentServiceUpdate: z.object({ userErrors: userErrorsSchema }).nullable(),
});

/** What the callback is called in a `WebhookCheck`: the one request path Shopify appends to our callback URL. */
const CALLBACK = 'fulfillment_order_notification';

/**
 * Makes our fulfillment service send its requests to `callbackUrl` (Shopify POSTs
 * `<callbackUrl>/fulfillment_order_notification`). Tracking support and inventory management stay off: epf pushes
 * tracking (fulfillmentCreate) and stock (inventorySetQuantities) itself, so Shopify must not call
 * `fetch_tracking_numbers` or `fetch_stock`, which epf does not serve. One read per pull; a write only when it differs.
 * Shopify never disables a callback URL, so `disabled` stays empty.
 */
export async function ensureCallbackUrl(
  client: GraphqlClient,
  locationId: string,
  callbackUrl: string,
): Promise<WebhookCheck> {
  const check: WebhookCheck = { created: [], updated: [], disabled: [] };
  const { location } = await client.request(LOCATION_FULFILLMENT_SERVICE, { id: locationId }, serviceSchema);
  const service = location?.fulfillmentService;
  if (!service) {
    throw new CartRefusal(`Shopify location ${locationId} is not a fulfillment service's location (locationId)`);
  }
  if (service.callbackUrl === callbackUrl && !service.trackingSupport && !service.inventoryManagement) return check;
  const variables = { id: service.id, callbackUrl, trackingSupport: false, inventoryManagement: false };
  const data = await client.request(FULFILLMENT_SERVICE_UPDATE, variables, updateSchema);
  const userErrors = data.fulfillmentServiceUpdate?.userErrors ?? [];
  if (userErrors.length > 0) throw refusal(FULFILLMENT_SERVICE_UPDATE.name, userErrors);
  (service.callbackUrl ? check.updated : check.created).push(CALLBACK);
  return check;
}
