import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import { shopifyCredentialsSchema } from '../../carts/shopify/credentials';
import type { SecretBox } from '../../crypto/secret-box';
import { createCartStore } from '../../db/carts';
import { registerCartWebhookRoute } from './signed-delivery';

/**
 * Where our fulfillment service's callback URL (`…/webhooks/carts/<cartId>/shopify`, src/carts/webhook-url.ts)
 * receives Shopify's requests: Shopify appends the last segment.
 */
export const SHOPIFY_CALLBACK_PATH = '/webhooks/carts/:cartId/shopify/fulfillment_order_notification';

export interface ShopifyCallbackDeps {
  pool: Pool;
  temporal: Client;
  /** Opens the cart's credentials for the app's client secret (EPF_SECRET_KEY); unset, every callback is refused. */
  secretBox?: SecretBox;
}

/**
 * POST …/shopify/fulfillment_order_notification: a merchant's fulfillment or cancellation request for our
 * fulfillment service, signed with the app's client secret (`X-Shopify-Hmac-Sha256`; the cart's `clientSecret`
 * credential, not the per-cart webhook secret), runs the cart's pull now. The body names the kind of request only.
 */
export function registerShopifyCallbacks(app: FastifyInstance, deps: ShopifyCallbackDeps): void {
  const carts = deps.secretBox && createCartStore(deps.pool, deps.secretBox);
  registerCartWebhookRoute(app, deps, {
    path: SHOPIFY_CALLBACK_PATH,
    cartType: 'shopify',
    label: 'Shopify',
    signatureHeader: 'x-shopify-hmac-sha256',
    secretOf: async (cartId) =>
      carts && shopifyCredentialsSchema.safeParse(await carts.credentialsIfAny(cartId)).data?.clientSecret,
    body: z.object({ kind: z.enum(['FULFILLMENT_REQUEST', 'CANCELLATION_REQUEST']) }),
    describe: (_request, notification) => ({ kind: notification.kind }),
  });
}
