import { z } from 'zod';
import type { WebhookCheck, WebhookTarget } from '../adapter';
import type { WooHttp } from './http';

/** The topics that bring an order to the pull: a checkout, and a change (a cancellation among them). */
const TOPICS = ['order.created', 'order.updated'] as const;
const PER_PAGE = 100;

const webhookSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.string(),
  topic: z.string(),
  delivery_url: z.string(),
});
type Webhook = z.output<typeof webhookSchema>;

/** Ours carry this name; a merchant may rename one, so one delivering to our URL is ours too. */
const nameOf = (topic: string) => `epf: ${topic}`;

async function listWebhooks(http: WooHttp): Promise<Webhook[]> {
  const all: Webhook[] = [];
  for (let page = 1; ; page += 1) {
    const { body, headers } = await http('GET', 'wc/v3/webhooks', {
      query: { status: 'all', per_page: PER_PAGE, page },
    });
    all.push(...z.array(webhookSchema).parse(body));
    if (page >= Number(headers.get('x-wp-totalpages') ?? '1')) return all;
  }
}

/**
 * WooCommerce's `order.created` and `order.updated` webhooks for epf (wc/v3 `webhooks`): created when missing,
 * pointed back at `target.url` when moved, given a new secret when ours changed, and re-activated when paused or
 * disabled. WooCommerce disables a webhook whose deliveries failed more than 5 times in a row; such a webhook is
 * named in `disabled`, because orders waited for the interval's pull while it was.
 */
export async function ensureWebhooks(http: WooHttp, target: WebhookTarget): Promise<WebhookCheck> {
  const check: WebhookCheck = { created: [], updated: [], disabled: [] };
  const existing = await listWebhooks(http);
  for (const topic of TOPICS) {
    const ours = existing
      .filter((hook) => hook.topic === topic && (hook.delivery_url === target.url || hook.name === nameOf(topic)))
      .sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'))[0];
    if (!ours) {
      await http('POST', 'wc/v3/webhooks', {
        body: { name: nameOf(topic), topic, delivery_url: target.url, secret: target.secret, status: 'active' },
      });
      check.created.push(topic);
      continue;
    }
    const change = {
      ...(ours.delivery_url === target.url ? {} : { delivery_url: target.url }),
      ...(ours.status === 'active' ? {} : { status: 'active' }),
    };
    if (Object.keys(change).length === 0 && !target.secretChanged) continue;
    // The REST API never shows a webhook's secret: any repair sets ours again, in case a wrong one made it fail.
    await http('PUT', `wc/v3/webhooks/${ours.id}`, { body: { ...change, secret: target.secret } });
    check.updated.push(topic);
    if (ours.status === 'disabled') check.disabled.push(`${topic} (webhook ${ours.id})`);
  }
  return check;
}
