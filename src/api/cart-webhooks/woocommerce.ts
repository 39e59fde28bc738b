import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { SecretBox } from '../../crypto/secret-box';
import { createCartWebhookStore } from '../../db/cart-webhooks';
import { registerCartWebhookRoute } from './signed-delivery';

export const WOOCOMMERCE_WEBHOOK_PATH = '/webhooks/carts/:cartId/woocommerce';

/** The topics epf registers (src/carts/woocommerce/webhooks.ts); anything else is acknowledged and ignored. */
const TOPICS = new Set(['order.created', 'order.updated']);
/** WooCommerce's ping on creating a webhook: `webhook_id=<id>`, form-encoded, no signature. */
const PING = /^webhook_id=\d+$/;

export interface WooCommerceWebhookDeps {
  pool: Pool;
  temporal: Client;
  /** Opens the carts' webhook secrets (EPF_SECRET_KEY); unset, every delivery is refused. */
  secretBox?: SecretBox;
}

/**
 * POST /webhooks/carts/:cartId/woocommerce: a WooCommerce `order.created` or `order.updated` delivery, signed with
 * the cart's webhook secret (`X-WC-Webhook-Signature`), runs the cart's pull now. The body is the order; only its ID
 * is read, for the log.
 */
export function registerWooCommerceWebhooks(app: FastifyInstance, deps: WooCommerceWebhookDeps): void {
  const secrets = deps.secretBox && createCartWebhookStore(deps.pool, deps.secretBox);
  registerCartWebhookRoute(app, deps, {
    path: WOOCOMMERCE_WEBHOOK_PATH,
    cartType: 'woocommerce',
    label: 'WooCommerce',
    signatureHeader: 'x-wc-webhook-signature',
    secretOf: async (cartId) => secrets?.existingSecret(cartId),
    body: z.object({ id: z.number().int() }),
    // Answered 200 as WooCommerce expects; it proves nothing, so it does nothing.
    unsigned: (_request, body) => (PING.test(body.toString('utf8')) ? { ok: true } : undefined),
    ignored: (request) => {
      const topic = String(request.headers['x-wc-webhook-topic'] ?? '');
      return TOPICS.has(topic) ? undefined : { ignored: `topic ${topic}` };
    },
    describe: (request, order) => ({ topic: request.headers['x-wc-webhook-topic'], orderId: order.id }),
  });
}
