import type { CartAdapter, WebhookTarget } from '../adapter';
import { ensureCallbackUrl } from './callback';
import { parseShopifyCredentials } from './credentials';
import { answerCancellationRequest, acceptFulfillmentRequest } from './fulfillment-requests';
import { createGraphqlClient, type GraphqlClientOptions } from './graphql-client';
import { listOrders } from './list-orders';
import { pushInventory } from './push-inventory';
import { pushTracking } from './push-tracking';

export interface ShopifyAdapterOptions extends Omit<GraphqlClientOptions, 'credentials'> {
  merchantId: string;
  cartId: string;
  /** The cart's stored credentials, validated here (see ./credentials.ts). */
  credentials: unknown;
}

/**
 * Shopify as an order source, for epf registered as a fulfillment service app: orders are fulfillment orders
 * assigned to our location (docs/shopify-api.md). Cart order ids are fulfillment order gids.
 */
export function createShopifyAdapter(options: ShopifyAdapterOptions): CartAdapter {
  const credentials = parseShopifyCredentials(options.credentials);
  const client = createGraphqlClient({ ...options, credentials });
  const cart = { merchantId: options.merchantId, cartId: options.cartId };
  return {
    listOrders: (cursor) => listOrders({ client, locationId: credentials.locationId, cart }, cursor),
    acceptOrder: (cartOrderId) => acceptFulfillmentRequest(client, cartOrderId),
    answerCancellation: (cartOrderId, outcome) => answerCancellationRequest(client, cartOrderId, outcome),
    pushTracking: (push) => pushTracking(client, push),
    pushInventory: (levels) => pushInventory(client, credentials.locationId, levels),
    // The webhook URL is the fulfillment service's callback URL. Shopify signs callbacks with the app's client
    // secret, not the per-cart secret epf offers: without it none could be trusted, so a cart without one takes
    // no callbacks (the pull reports `unsupported`) and the interval's pulls alone bring its orders.
    ...(credentials.clientSecret !== undefined && {
      ensureWebhooks: (target: WebhookTarget) => ensureCallbackUrl(client, credentials.locationId, target.url),
    }),
  };
}
