import type { OrderContext } from './events';
import { FaultRegistry } from './faults';
import type { Random } from '../shared/random';
import { RequestLog } from '../shared/request-log';
import type { FaultKind, FiredKind, LISTING_ORDERS, LISTING_QUERIES, ORDER_WAREHOUSE_IDS } from './control-schemas';
import { FiredCounts } from './fault-counts';
import { RateLimiter } from './rate-limit';
import { SimStore } from './state';
import { WebhookDispatcher, type WebhookConfig } from './webhooks';

/** Settings the control API can change; `reset` restores the ones the simulator started with. */
export interface SimSettings {
  services: string[];
  rate_limit_per_second: number | null;
  webhook: WebhookConfig | null;
  listing_order: (typeof LISTING_ORDERS)[number];
  listing_query: (typeof LISTING_QUERIES)[number];
  visibility_delay_ms: number;
  order_warehouse_id: (typeof ORDER_WAREHOUSE_IDS)[number];
}

/** The listing the vendor API is assumed to have (docs §2): newest first, `query` honoured, consistent at once. */
export const DEFAULT_LISTING = {
  listing_order: 'newest_first',
  listing_query: 'honoured',
  visibility_delay_ms: 0,
} as const satisfies Partial<SimSettings>;

/** `warehouse_id` on an order create is taken at its word (docs §4, assumed). */
export const DEFAULT_ORDER_WAREHOUSE_ID = 'honoured' satisfies SimSettings['order_warehouse_id'];

export const DEFAULT_SERVICES = ['standard', 'expedited', 'priority'];
export const DEFAULT_RATE_LIMIT_PER_SECOND = 5;

/** Everything one simulator instance holds, shared by the API routes and the control. */
export interface SimContext {
  readonly store: SimStore;
  readonly settings: SimSettings;
  readonly initialSettings: SimSettings;
  readonly faults: FaultRegistry;
  /** Fault kinds and listing effects that fired, by kind. */
  readonly fired: FiredCounts<FiredKind>;
  readonly requests: RequestLog<FaultKind>;
  readonly webhooks: WebhookDispatcher;
  readonly limiter: RateLimiter;
}

export function createContext(initial: SimSettings, random: Random): SimContext {
  const settings = structuredClone(initial);
  const fired = new FiredCounts<FiredKind>();
  return {
    store: new SimStore(),
    settings,
    initialSettings: structuredClone(initial),
    faults: new FaultRegistry(random, fired),
    fired,
    requests: new RequestLog<FaultKind>(),
    webhooks: new WebhookDispatcher(() => settings.webhook),
    limiter: new RateLimiter(),
  };
}

/** The order operations' view of the context. */
export function orderContext(context: SimContext): OrderContext {
  return {
    services: context.settings.services.map((service) => service.toLowerCase()),
    warehouseId: context.settings.order_warehouse_id,
    publish: (description, order, previous) => context.webhooks.publish(description, order, previous),
  };
}
