import { createHmac, randomBytes } from 'node:crypto';
import { logger } from '../../logger';
import type { Site, WooOrder, WooWebhook } from './state';

const log = logger.child({ component: 'woocommerce-simulator' });

/** The order topics and the hooks WooCommerce binds them to (WC_Webhook::get_topic_hooks). */
export const ORDER_TOPIC_HOOKS: Record<string, string[]> = {
  'order.created': ['woocommerce_new_order'],
  'order.updated': ['woocommerce_update_order', 'woocommerce_order_refunded'],
};

/** WooCommerce's default of `woocommerce_max_webhook_delivery_failures`. */
const MAX_FAILURES = 5;
const USER_AGENT = 'WooCommerce/9.4.0 Hookshot (WordPress/6.7)';
/** How long a delivery may take before it counts as failed (WooCommerce waits up to a minute; tests need less). */
const DELIVERY_TIMEOUT_MS = 10_000;

/** Deliveries under way, so closing the simulator can end them. */
export interface Deliveries {
  /** Delivers `order` to each active webhook of `site` on `topic`, in the background (WooCommerce's async queue). */
  orderEvent(site: Site, topic: keyof typeof ORDER_TOPIC_HOOKS, order: WooOrder): void;
  /** The ping WooCommerce sends when a webhook is first saved active: `webhook_id=<id>`, form-encoded, unsigned. */
  ping(site: Site, webhook: WooWebhook): void;
  /** Resolves when every delivery under way has ended. */
  settled(): Promise<void>;
}

/** `base64(HMAC-SHA256(body, secret))`, WC_Webhook::generate_signature. */
export function webhookSignature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/**
 * WC_Webhook's delivery: a POST of the order's REST representation with the X-WC-Webhook-* headers. A 2xx, 301 or
 * 302 answer resets `failure_count`; anything else (or no answer) counts a failure, and a failure when more than 5
 * have happened in a row sets the webhook `disabled` (WC_Webhook::failed_delivery). Re-activating does not reset the
 * count: only a successful delivery does.
 */
export function createDeliveries(sourceUrl: () => string, closing: AbortSignal): Deliveries {
  const pending = new Set<Promise<void>>();

  function track(work: Promise<void>): void {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  }

  async function post(site: Site, url: string, init: { body: string; headers: Record<string, string> }) {
    if (site.deliveryOutage) return 'unreachable (simulated outage)';
    try {
      const response = await fetch(url, {
        method: 'POST',
        body: init.body,
        headers: { 'user-agent': USER_AGENT, ...init.headers },
        signal: AbortSignal.any([closing, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
      });
      await response.arrayBuffer();
      return response.status;
    } catch (err) {
      return `unreachable (${err instanceof Error ? err.message : String(err)})`;
    }
  }

  async function deliver(site: Site, webhook: WooWebhook, order: WooOrder): Promise<void> {
    const body = JSON.stringify(order);
    const outcome = await post(site, webhook.delivery_url, {
      body,
      headers: {
        'content-type': 'application/json',
        'x-wc-webhook-source': `${sourceUrl()}/sites/${site.id}/`,
        'x-wc-webhook-topic': webhook.topic,
        'x-wc-webhook-resource': webhook.resource,
        'x-wc-webhook-event': webhook.event,
        'x-wc-webhook-signature': webhookSignature(body, webhook.secret),
        'x-wc-webhook-id': String(webhook.id),
        'x-wc-webhook-delivery-id': randomBytes(16).toString('hex'),
      },
    });
    if (typeof outcome === 'number' && outcome >= 200 && outcome < 303) {
      webhook.failure_count = 0;
      return;
    }
    if (webhook.failure_count > MAX_FAILURES) webhook.status = 'disabled';
    else webhook.failure_count += 1;
    log.debug({ webhookId: webhook.id, outcome, failures: webhook.failure_count }, 'Webhook delivery failed');
  }

  return {
    orderEvent(site, topic, order) {
      const snapshot = structuredClone(order);
      for (const webhook of site.webhooks.values()) {
        if (webhook.status === 'active' && webhook.topic === topic) track(deliver(site, webhook, snapshot));
      }
    },
    ping(site, webhook) {
      const body = `webhook_id=${webhook.id}`;
      track(
        post(site, webhook.delivery_url, {
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }).then(() => undefined),
      );
    },
    settled: () => Promise.all([...pending]).then(() => undefined),
  };
}
