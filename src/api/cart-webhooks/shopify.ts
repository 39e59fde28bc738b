import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import { parseShopifyCredentials } from '../../carts/shopify/credentials';
import type { SecretBox } from '../../crypto/secret-box';
import { createCartStore } from '../../db/carts';
import { logger } from '../../logger';
import { triggerCartPull } from '../../operations/cart-pull-trigger';

/** Where our fulfillment service's callback URL (`…/webhooks/carts/<cartId>/shopify`) receives Shopify's requests. */
export const SHOPIFY_NOTIFICATION_PATH = '/webhooks/carts/:cartId/shopify/fulfillment_order_notification';

const log = logger.child({ component: 'shopify-callbacks' });

/** Shopify's body names the kind of request only; the pull reads the fulfillment orders themselves. */
const notificationSchema = z.object({ kind: z.enum(['FULFILLMENT_REQUEST', 'CANCELLATION_REQUEST']) });

export interface ShopifyCallbackDeps {
  pool: Pool;
  temporal: Client;
  /** Opens the cart's credentials for the app's client secret; without it every callback answers 404. */
  secretBox?: SecretBox;
}

/**
 * POST …/fulfillment_order_notification: a merchant's fulfillment or cancellation request, signed with the app's
 * client secret. It only runs the cart's pull now, through its schedule: orders come through the pull alone.
 * Registered in its own plugin so the route parses JSON itself, from the raw bytes the HMAC covers.
 */
export function registerShopifyCallbacks(app: FastifyInstance, deps: ShopifyCallbackDeps): void {
  const carts = deps.secretBox ? createCartStore(deps.pool, deps.secretBox) : undefined;

  /** The key a cart's callbacks are signed with; undefined when the cart takes no Shopify callbacks. */
  async function keyOf(cartId: string): Promise<Buffer | undefined> {
    const cart = await carts?.get(cartId);
    if (!carts || cart?.type !== 'shopify') return undefined;
    const secret = parseShopifyCredentials(await carts.credentials(cartId)).clientSecret;
    return secret === undefined ? undefined : Buffer.from(secret, 'utf8');
  }

  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.post<{ Params: { cartId: string } }>(SHOPIFY_NOTIFICATION_PATH, async (request, reply) => {
      const { cartId } = request.params;
      const key = await keyOf(cartId);
      if (!key) return reply.code(404).send({ error: `no Shopify cart ${cartId} with a client secret` });
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!verify(key, raw, request.headers['x-shopify-hmac-sha256'])) {
        log.warn({ cartId, remoteAddress: request.ip }, 'Rejected a Shopify callback without a valid signature');
        return reply.code(401).send({ error: 'invalid signature' });
      }
      const body = notificationSchema.safeParse(parseJson(raw));
      if (!body.success) {
        const field = body.error.issues[0]?.path.join('.') || 'body';
        log.error({ cartId, field }, 'A signed Shopify callback does not match the schema');
        return reply.code(400).send({ error: body.error.issues[0]?.message ?? 'invalid body', field });
      }
      try {
        await triggerCartPull(deps.temporal, cartId);
      } catch (err) {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
        return reply.code(404).send({ error: `cart ${cartId} has no pull schedule` });
      }
      log.info({ cartId, kind: body.data.kind }, 'Shopify callback triggered the pull');
      return { triggered: true };
    });
  });
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** `X-Shopify-Hmac-Sha256`: the base64 HMAC-SHA256 of the raw body; two 32-byte digests compared in constant time. */
function verify(key: Buffer, body: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !/^[A-Za-z0-9+/]{43}=$/.test(header.trim())) return false;
  return timingSafeEqual(Buffer.from(header.trim(), 'base64'), createHmac('sha256', key).update(body).digest());
}
