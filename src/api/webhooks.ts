import type { Client } from '@temporalio/client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { createKeptShipmentStore } from '../db/kept-shipments';
import { createOrderIndex } from '../db/orders';
import { orderEventSchema, webhookEnvelopeSchema } from '../easypost';
import { logger } from '../logger';
import { signalOrderShipments, type ShipmentSignalDeps } from '../orders/shipment-events';

export const EASYPOST_WEBHOOK_PATH = '/webhooks/easypost';

/** Events whose `result` is the full order; `refunded` and the main-API `tracker.*` events carry no new shipment. */
const ORDER_EVENTS = new Set(['fulfillment.order.created', 'fulfillment.order.updated']);

// The API's fastify instance logs nothing (`logger: false`); webhook rejections must reach the operator.
const log = logger.child({ component: 'easypost-webhooks' });

export interface EasyPostWebhookDeps {
  pool: Pool;
  temporal: Client;
  /** Unset, the route answers 404: EasyPost webhooks are optional, polling is the safety net. */
  secret?: string;
}

/**
 * POST /webhooks/easypost: signed `fulfillment.order.*` events (docs/easypost-api.md §9) become `shipmentUpdate`
 * signals. Registered in its own plugin so only this route parses JSON itself, from the raw bytes the HMAC covers.
 */
export function registerEasyPostWebhooks(app: FastifyInstance, deps: EasyPostWebhookDeps): void {
  const signals: ShipmentSignalDeps = {
    temporal: deps.temporal,
    orders: createOrderIndex(deps.pool),
    kept: createKeptShipmentStore(deps.pool),
  };
  const key = deps.secret === undefined ? undefined : Buffer.from(deps.secret.normalize('NFKD'), 'utf8');

  void app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.post(EASYPOST_WEBHOOK_PATH, async (request, reply) => {
      if (!key) return reply.code(404).send({ error: 'EasyPost webhooks are not configured' });
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!verify(key, raw, request.headers['x-hmac-signature'])) {
        log.warn({ remoteAddress: request.ip }, 'Rejected an EasyPost webhook without a valid signature');
        return reply.code(401).send({ error: 'invalid signature' });
      }
      return handleEvent(signals, raw, request, reply);
    });
  });
}

async function handleEvent(signals: ShipmentSignalDeps, raw: Buffer, request: FastifyRequest, reply: FastifyReply) {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return badEvent(request, reply, 'body is not JSON', 'body');
  }
  const envelope = webhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) return badEvent(request, reply, ...firstIssue(envelope.error));
  const { id: eventId, description } = envelope.data;
  if (!ORDER_EVENTS.has(description)) return { ignored: `event ${description}` };
  const event = orderEventSchema.safeParse(json);
  if (!event.success) return badEvent(request, reply, ...firstIssue(event.error), eventId);

  // Answered 200 only once the shipments are signalled or kept: a failure to keep them throws, and the 500 makes
  // EasyPost retry.
  const result = await signalOrderShipments(signals, event.data.result);
  // Most events carry no new package (created, picked) or another integration's order: debug, not info.
  if (result.outcome === 'signalled') log.info({ eventId, description, ...result }, 'EasyPost webhook signalled');
  else if (result.outcome === 'kept') log.warn({ eventId, description, ...result }, 'EasyPost webhook kept');
  else log.debug({ eventId, description, ...result }, 'EasyPost webhook needed no signal');
  switch (result.outcome) {
    case 'signalled':
      return { signalled: result.signalled };
    case 'no shipments':
      return { signalled: 0 };
    case 'kept':
      return { kept: result.reason };
    case 'unknown order':
    case 'workflow closed':
      // Answered 200: EasyPost retries anything else, and an order that is not ours never will be.
      return { ignored: result.outcome };
  }
}

/** `X-Hmac-Signature: hmac-sha256-hex=<hex>` over the raw body: two 32-byte digests, compared in constant time. */
function verify(key: Buffer, body: Buffer, header: string | string[] | undefined): boolean {
  const presented = /^hmac-sha256-hex=([0-9a-f]{64})$/i.exec(typeof header === 'string' ? header.trim() : '')?.[1];
  if (!presented) return false;
  return timingSafeEqual(Buffer.from(presented, 'hex'), createHmac('sha256', key).update(body).digest());
}

function firstIssue(error: z.ZodError): [message: string, field: string] {
  const issue = error.issues[0];
  return [issue?.message ?? 'invalid event', issue?.path.join('.') || 'body'];
}

// The body is signed by EasyPost, so a schema failure is our assumption about the payload breaking: log it loudly.
function badEvent(request: FastifyRequest, reply: FastifyReply, error: string, field: string, eventId?: string) {
  log.error({ remoteAddress: request.ip, eventId, field, error }, 'EasyPost webhook event does not match the schema');
  return reply.code(400).send({ error, field });
}
