import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger } from '../../logger';
import type { EventName } from './events';
import { newId } from './ids';
import type { Order } from './state';

export interface WebhookConfig {
  url: string;
  secret: string;
}

/** What happened to one event's delivery; listed by `GET /__sim/webhooks`. */
export interface WebhookDelivery {
  event_id: string;
  description: EventName;
  order_id: string;
  attempts: number;
  delivered: boolean;
  last_error: string | null;
}

const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 200;
const ATTEMPT_TIMEOUT_MS = 5_000;

const log = logger.child({ component: 'easypost-simulator' });

/** `hmac-sha256-hex=<hex>` over the raw body, keyed by the NFKD-normalised secret (docs §9). */
export function signature(secret: string, body: string): string {
  return `hmac-sha256-hex=${createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8'))
    .update(body)
    .digest('hex')}`;
}

/**
 * Sends `fulfillment.order.*` events to the configured URL, signed, retrying failures with backoff.
 * Delivery runs in the background: a dead receiver is logged and never breaks the API.
 */
export class WebhookDispatcher {
  private readonly history: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = new AbortController();

  /** `target` is read at each event, so settings changes apply to the next one. */
  constructor(private readonly target: () => WebhookConfig | null) {}

  deliveries(): WebhookDelivery[] {
    return structuredClone(this.history);
  }

  publish(description: EventName, order: Order, previousAttributes: Record<string, unknown>): void {
    const config = this.target();
    if (!config) return;
    const now = new Date().toISOString();
    const event = {
      id: newId('evt'),
      object: 'Event',
      mode: order.mode,
      description,
      created_at: now,
      updated_at: now,
      previous_attributes: previousAttributes,
      status: 'pending',
      pending_urls: [config.url],
      completed_urls: [],
      result: order,
    };
    // Serialised now, so later changes to the order do not leak into this event.
    const body = JSON.stringify(event);
    const delivery: WebhookDelivery = {
      event_id: event.id,
      description,
      order_id: order.id,
      attempts: 0,
      delivered: false,
      last_error: null,
    };
    this.history.push(delivery);
    const running = this.deliver(config, body, delivery).finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  private async deliver(config: WebhookConfig, body: string, delivery: WebhookDelivery): Promise<void> {
    const stop = this.stopping.signal;
    const headers = { 'content-type': 'application/json', 'x-hmac-signature': signature(config.secret, body) };
    while (delivery.attempts < MAX_ATTEMPTS && !stop.aborted) {
      delivery.attempts += 1;
      try {
        const signal = AbortSignal.any([stop, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]);
        const response = await fetch(config.url, { method: 'POST', headers, body, signal });
        await response.body?.cancel();
        if (response.ok) {
          delivery.delivered = true;
          return;
        }
        delivery.last_error = `HTTP ${response.status}`;
      } catch (error) {
        delivery.last_error = error instanceof Error ? error.message : String(error);
      }
      log.warn(
        { eventId: delivery.event_id, attempt: delivery.attempts, error: delivery.last_error },
        'Webhook delivery failed',
      );
      await sleep(FIRST_RETRY_MS * 2 ** (delivery.attempts - 1), undefined, { signal: stop }).catch(() => undefined);
    }
  }

  /** Forgets the delivery log (the control API's reset). */
  clear(): void {
    this.history.length = 0;
  }

  /** Stops retries and waits for deliveries under way to give up. */
  async close(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
    this.stopping = new AbortController();
  }
}
