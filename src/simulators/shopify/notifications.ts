import { createHmac } from 'node:crypto';
import { FaultRules, type FaultRuleInput } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import type { NotificationFaultInput } from './control-schemas';
import type { ShopState } from './state';

export type NotificationKind = 'FULFILLMENT_REQUEST' | 'CANCELLATION_REQUEST';

/** One callback Shopify made (or lost), for tests: `status` is null when it never got an answer. */
export interface NotificationDelivery {
  shop: string;
  url: string;
  kind: NotificationKind;
  /** The fault that struck it, if any. */
  fault: 'notification_lost' | 'notification_delay' | null;
  status: number | null;
  error: string | null;
  sentAt: string;
}

interface NotificationRule extends FaultRuleInput {
  kind: NotificationFaultInput['kind'];
  latencyMs: number;
}

/** Shopify gives a callback a few seconds; a fire-and-forget delivery never holds up the control call that made it. */
const DELIVERY_TIMEOUT_MS = 5_000;
/** Deliveries kept for `GET /__sim/notifications`; the oldest go first. */
const KEPT_DELIVERIES = 1_000;

/** The base64 HMAC-SHA256 of the body with the app's client secret: Shopify's `X-Shopify-Hmac-Sha256`. */
export function shopifyHmac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

/**
 * Shopify's fulfillment-service callbacks: when a fulfillment order at our location is requested, or its
 * cancellation is, Shopify POSTs `{"kind": …}` to `<callbackUrl>/fulfillment_order_notification`, signed with the
 * app's client secret. Fault rules lose a delivery (never sent) or delay it.
 */
export class Notifications {
  private readonly rules: FaultRules<NotificationRule>;
  private deliveries: NotificationDelivery[] = [];
  /** Faults that struck a delivery, by kind, since the last clear. */
  readonly fired = new Map<string, number>();

  constructor(random: Random, newId: () => string) {
    this.rules = new FaultRules(random, newId);
  }

  add(input: NotificationFaultInput): { id: string } {
    const { kind, rate, times, seed, latency_ms: latencyMs } = input;
    return this.rules.add({ route: '*', kind, rate, times, seed, latencyMs });
  }

  remove(id: string): void {
    this.rules.remove(id);
  }

  clear(): void {
    this.rules.clear();
  }

  clearLog(): void {
    this.deliveries = [];
    this.fired.clear();
  }

  list(shopId?: string): NotificationDelivery[] {
    return this.deliveries
      .filter((delivery) => shopId === undefined || delivery.shop === shopId)
      .map((d) => ({ ...d }));
  }

  /** Tells the shop's service at the fulfillment orders' location, if it has a callback URL; returns at once. */
  send(shop: ShopState, kind: NotificationKind): void {
    const service = [...shop.fulfillmentServices.values()].find((s) => s.locationId === shop.locationId);
    if (!service?.callbackUrl) return;
    const rule = this.rules.draw('*');
    const delivery: NotificationDelivery = {
      shop: shop.id,
      url: `${service.callbackUrl.replace(/\/+$/, '')}/fulfillment_order_notification`,
      kind,
      fault: rule?.kind ?? null,
      status: null,
      error: null,
      sentAt: new Date().toISOString(),
    };
    this.deliveries.push(delivery);
    if (this.deliveries.length > KEPT_DELIVERIES) this.deliveries.shift();
    if (rule) this.fired.set(rule.kind, (this.fired.get(rule.kind) ?? 0) + 1);
    if (rule?.kind === 'notification_lost') {
      delivery.error = 'lost by fault';
      return;
    }
    const delayMs = rule?.kind === 'notification_delay' ? rule.latencyMs : 0;
    const body = JSON.stringify({ kind });
    void deliver(delivery, body, shop, delayMs);
  }
}

async function deliver(delivery: NotificationDelivery, body: string, shop: ShopState, delayMs: number): Promise<void> {
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-hmac-sha256': shopifyHmac(shop.clientSecret, body),
        'x-shopify-shop-domain': `${shop.id}.myshopify.com`,
      },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    delivery.status = response.status;
  } catch (err) {
    delivery.error = (err as Error).message;
  }
}
