import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { WpError } from '../errors';
import { page, parseQuery, webhookQuerySchema } from '../listing';
import { wpDate, type Site, type SiteStore, type WooWebhook } from '../state';
import { parseParams } from '../validation';
import { ORDER_TOPIC_HOOKS, type Deliveries } from '../webhooks';
import { siteOf } from './auth';
import { sendPage } from './orders';

const status = z.enum(['active', 'paused', 'disabled']);
const topic = z.enum(Object.keys(ORDER_TOPIC_HOOKS) as [string, ...string[]]);
const deliveryUrl = z.url({ protocol: /^https?$/ });
const createSchema = z.object({
  name: z.string().optional(),
  status: status.default('active'),
  topic,
  delivery_url: deliveryUrl,
  secret: z.string().optional(),
});
const updateSchema = z.object({
  name: z.string().optional(),
  status: status.optional(),
  topic: topic.optional(),
  delivery_url: deliveryUrl.optional(),
  secret: z.string().optional(),
});

type WithId = { Params: { siteId: string; id: string } };

/** The REST view: `secret` only shows in the edit context, and `failure_count` never. */
function view(webhook: WooWebhook) {
  const { secret: _secret, failure_count: _failures, ...shown } = webhook;
  return structuredClone(shown);
}

function webhookIn(site: Site, id: string): WooWebhook {
  const webhook = site.webhooks.get(Number(id));
  if (!webhook) throw new WpError(404, 'woocommerce_rest_webhook_invalid_id', 'Invalid ID.');
  return webhook;
}

function setTopic(webhook: WooWebhook, name: string): void {
  const [resource = '', event = ''] = name.split('.');
  Object.assign(webhook, { topic: name, resource, event, hooks: ORDER_TOPIC_HOOKS[name] ?? [] });
}

/**
 * `webhooks` and `webhooks/{id}` of wc/v3 for the order topics. A webhook created or set active for the first time
 * is pinged; the secret defaults to the API user's consumer secret, as in WooCommerce.
 */
export function webhookRoutes(app: FastifyInstance, store: SiteStore, deliveries: Deliveries): void {
  app.get('/webhooks', async (request, reply) => {
    const query = parseQuery(webhookQuerySchema, request.query);
    const webhooks = [...siteOf(request).webhooks.values()].filter(
      (webhook) => query.status === 'all' || webhook.status === query.status,
    );
    const result = page(webhooks, query);
    return sendPage(reply, { ...result, items: result.items.map(view) });
  });

  app.post('/webhooks', async (request, reply) => {
    const site = siteOf(request);
    const body = parseParams(createSchema, request.body);
    const now = wpDate(new Date());
    const webhook: WooWebhook = {
      id: store.postId(),
      name: body.name ?? `Webhook created on ${now}`,
      status: body.status,
      topic: '',
      resource: '',
      event: '',
      hooks: [],
      delivery_url: body.delivery_url,
      secret: body.secret ?? site.consumerSecret,
      date_created: now,
      date_created_gmt: now,
      date_modified: now,
      date_modified_gmt: now,
      failure_count: 0,
    };
    setTopic(webhook, body.topic);
    site.webhooks.set(webhook.id, webhook);
    if (webhook.status === 'active') deliveries.ping(site, webhook);
    return reply.code(201).send(view(webhook));
  });

  app.get<WithId>('/webhooks/:id', async (request) => view(webhookIn(siteOf(request), request.params.id)));

  app.route<WithId>({
    method: ['PUT', 'POST', 'PATCH'],
    url: '/webhooks/:id',
    handler: async (request) => {
      const webhook = webhookIn(siteOf(request), request.params.id);
      const { topic: newTopic, ...body } = parseParams(updateSchema, request.body);
      for (const [key, value] of Object.entries(body))
        if (value !== undefined) Object.assign(webhook, { [key]: value });
      if (newTopic) setTopic(webhook, newTopic);
      webhook.date_modified = webhook.date_modified_gmt = wpDate(new Date());
      return view(webhook);
    },
  });

  app.delete<WithId>('/webhooks/:id', async (request) => {
    const site = siteOf(request);
    const webhook = webhookIn(site, request.params.id);
    if ((request.query as { force?: string }).force !== 'true') {
      throw new WpError(501, 'woocommerce_rest_trash_not_supported', 'Webhooks do not support trashing.');
    }
    site.webhooks.delete(webhook.id);
    return view(webhook);
  });
}
