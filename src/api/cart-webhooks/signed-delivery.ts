import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { createCartStore } from '../../db/carts';
import { logger } from '../../logger';
import { triggerCartPull } from '../../operations/cart-pull-trigger';

// The API's fastify instance logs nothing (`logger: false`); rejected deliveries must reach the operator.
const log = logger.child({ component: 'cart-webhooks' });

/** What sets one cart type's webhook route apart; everything else is the same for every cart. */
export interface CartWebhookRoute<T extends z.ZodType> {
  path: string;
  /** The carts' `type` this route serves; a cart of another type is a 404. */
  cartType: string;
  /** For the log and the answers: `WooCommerce`, `Shopify`. */
  label: string;
  /** Carries the base64 HMAC-SHA256 of the raw body under the cart's secret. */
  signatureHeader: string;
  /** The key the cart signs with; undefined when it has none, so no delivery can be genuine. */
  secretOf(cartId: string): Promise<string | undefined>;
  /** What the route reads of a signed body (for the log only: orders come through the pull). */
  body: T;
  /** An answer to an unsigned request the cart sends and expects 200 for (WooCommerce's ping), else undefined. */
  unsigned?(request: FastifyRequest, body: Buffer): object | undefined;
  /** An answer to a genuine delivery that asks nothing of epf (a topic it does not serve), else undefined. */
  ignored?(request: FastifyRequest): object | undefined;
  /** What names the delivery in the log. */
  describe(request: FastifyRequest, body: z.output<T>): Record<string, unknown>;
}

/**
 * POST `route.path`: a cart's delivery, checked against its signature, runs the cart's pull now through its schedule
 * (`triggerCartPull`); it brings no order itself. 404 for a cart of another type or none, 401 for a bad signature, 400
 * naming the field for a signed body we did not expect, 503 for a cart without a pull schedule yet. Registered in
 * its own plugin, which hands the route the raw bytes the signature covers.
 */
export function registerCartWebhookRoute<T extends z.ZodType>(
  app: FastifyInstance,
  deps: { pool: Pool; temporal: Client },
  route: CartWebhookRoute<T>,
): void {
  const carts = createCartStore(deps.pool);
  void app.register(async (scope) => {
    const raw = { parseAs: 'buffer' } as const;
    scope.addContentTypeParser('application/json', raw, (_request, body, done) => done(null, body));
    scope.addContentTypeParser('*', raw, (_request, body, done) => done(null, body));

    scope.post<{ Params: { cartId: string } }>(route.path, async (request, reply) => {
      const { cartId } = request.params;
      const cart = await carts.get(cartId);
      if (cart?.type !== route.cartType) return reply.code(404).send({ error: `no ${route.label} cart ${cartId}` });
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers[route.signatureHeader];
      if (signature === undefined) {
        const answer = route.unsigned?.(request, body);
        if (answer) return answer;
      }
      if (!signatureMatches(await route.secretOf(cartId), body, signature)) {
        log.warn({ cartId, remoteAddress: request.ip }, `Rejected a ${route.label} webhook without a valid signature`);
        return reply.code(401).send({ error: 'invalid signature' });
      }
      const ignored = route.ignored?.(request);
      if (ignored) return ignored;
      const parsed = parseBody(route.body, body);
      if (!parsed.success) {
        // Signed by the cart: our assumption about its payload broke, so it is logged loudly.
        log.error({ cartId, field: parsed.field }, `${route.label} webhook body does not match the schema`);
        return reply.code(400).send({ error: parsed.error, field: parsed.field });
      }
      try {
        await triggerCartPull(deps.temporal, cartId);
      } catch (err) {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
        // The schedules were not reconciled since the cart was added: nothing pulls it, webhook or not.
        log.error(
          { cartId },
          `A ${route.label} webhook came for a cart without a pull schedule: run epf schedules reconcile`,
        );
        return reply.code(503).send({ error: `cart ${cartId} has no pull schedule` });
      }
      log.debug({ cartId, ...route.describe(request, parsed.data) }, `${route.label} webhook triggered a pull`);
      return { triggered: true };
    });
  });
}

/** Both carts sign alike: two 32-byte digests compared in constant time; no secret matches nothing. */
function signatureMatches(secret: string | undefined, body: Buffer, header: string | string[] | undefined): boolean {
  if (secret === undefined || typeof header !== 'string') return false;
  const presented = Buffer.from(header.trim(), 'base64');
  const expected = createHmac('sha256', secret).update(body).digest();
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

function parseBody<T extends z.ZodType>(
  schema: T,
  body: Buffer,
): { success: true; data: z.output<T> } | { success: false; error: string; field: string } {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return { success: false, error: 'body is not JSON', field: 'body' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { success: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { success: false, error: issue?.message ?? 'invalid body', field: issue?.path.join('.') || 'body' };
}
