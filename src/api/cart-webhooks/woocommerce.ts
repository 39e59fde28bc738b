import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { SecretBox } from '../../crypto/secret-box';
import { createCartStore } from '../../db/carts';
import { createCartWebhookStore } from '../../db/cart-webhooks';
import { logger } from '../../logger';
import { triggerCartPull } from '../../operations/cart-pull-trigger';

export const WOOCOMMERCE_WEBHOOK_PATH = '/webhooks/carts/:cartId/woocommerce';

/** The topics epf registers (src/carts/woocommerce/webhooks.ts); anything else is acknowledged and ignored. */
const TOPICS = new Set(['order.created', 'order.updated']);
/** WooCommerce's ping on creating a webhook: `webhook_id=<id>`, form-encoded, no signature. */
const PING = /^webhook_id=\d+$/;
/** A delivery's body is the order; only its ID is looked at, for the log. */
const deliverySchema = z.object({ id: z.number().int() });

const log = logger.child({ component: 'cart-webhooks' });

export interface WooCommerceWebhookDeps {
  pool: Pool;
  temporal: Client;
  /** Opens the carts' webhook secrets (EPF_SECRET_KEY); unset, every delivery is refused. */
  secretBox?: SecretBox;
}

/**
 * POST /webhooks/carts/:cartId/woocommerce: a WooCommerce `order.created` or `order.updated` delivery, checked
 * against the cart's webhook secret (`X-WC-Webhook-Signature`, base64 HMAC-SHA256 of the raw body), runs the cart's
 * pull now through its schedule. Orders still come only through the pull: the body is not used.
 */
export function registerWooCommerceWebhooks(app: FastifyInstance, deps: WooCommerceWebhookDeps): void {
  const carts = createCartStore(deps.pool);
  const secrets = deps.secretBox && createCartWebhookStore(deps.pool, deps.secretBox);

  void app.register(async (scope) => {
    // The signature covers the raw bytes; the ping is form-encoded.
    const raw = { parseAs: 'buffer' } as const;
    scope.addContentTypeParser('application/json', raw, (_request, body, done) => done(null, body));
    scope.addContentTypeParser('*', raw, (_request, body, done) => done(null, body));

    scope.post<{ Params: { cartId: string } }>(WOOCOMMERCE_WEBHOOK_PATH, async (request, reply) => {
      const { cartId } = request.params;
      const cart = await carts.get(cartId);
      if (cart?.type !== 'woocommerce') return reply.code(404).send({ error: `no WooCommerce cart ${cartId}` });
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-wc-webhook-signature'];
      // Answered 200 as WooCommerce expects; it proves nothing, so it does nothing.
      if (signature === undefined && PING.test(body.toString('utf8'))) return { ok: true };

      const secret = await secrets?.existingSecret(cartId);
      if (secret === undefined || !verify(secret, body, signature)) {
        log.warn(
          { cartId, remoteAddress: request.ip, webhookId: request.headers['x-wc-webhook-id'] },
          'Rejected a WooCommerce webhook without a valid signature',
        );
        return reply.code(401).send({ error: 'invalid signature' });
      }
      const topic = String(request.headers['x-wc-webhook-topic'] ?? '');
      if (!TOPICS.has(topic)) return { ignored: `topic ${topic}` };
      const delivery = parseDelivery(body);
      if (!delivery.success) {
        log.error({ cartId, topic, field: delivery.field }, 'WooCommerce webhook body does not match the schema');
        return reply.code(400).send({ error: delivery.error, field: delivery.field });
      }
      try {
        await triggerCartPull(deps.temporal, cartId);
      } catch (err) {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
        // The schedules were not reconciled since the cart was added: nothing pulls it, webhook or not.
        log.error(
          { cartId },
          'A WooCommerce webhook came for a cart without a pull schedule: run epf schedules reconcile',
        );
        return reply.code(503).send({ error: `cart ${cartId} has no pull schedule` });
      }
      log.debug({ cartId, topic, orderId: delivery.id }, 'WooCommerce webhook triggered a pull');
      return { triggered: true };
    });
  });
}

/** The presented signature against ours, both 32-byte digests, in constant time. */
function verify(secret: string, body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const presented = Buffer.from(header.trim(), 'base64');
  const expected = createHmac('sha256', secret).update(body).digest();
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

function parseDelivery(body: Buffer): { success: true; id: number } | { success: false; error: string; field: string } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { success: false, error: 'body is not JSON', field: 'body' };
  }
  const parsed = deliverySchema.safeParse(json);
  if (parsed.success) return { success: true, id: parsed.data.id };
  const issue = parsed.error.issues[0];
  return { success: false, error: issue?.message ?? 'invalid order', field: issue?.path.join('.') || 'body' };
}
