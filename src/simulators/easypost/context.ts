import type { OrderContext } from './events';
import { FaultRegistry } from './faults';
import type { Random } from '../shared/random';
import { RequestLog } from '../shared/request-log';
import type { FaultKind } from './control-schemas';
import { RateLimiter } from './rate-limit';
import { SimStore } from './state';
import { WebhookDispatcher, type WebhookConfig } from './webhooks';

/** Settings the control API can change; `reset` restores the ones the simulator started with. */
export interface SimSettings {
  services: string[];
  rate_limit_per_second: number | null;
  webhook: WebhookConfig | null;
}

export const DEFAULT_SERVICES = ['standard', 'expedited', 'priority'];
export const DEFAULT_RATE_LIMIT_PER_SECOND = 5;

/** Everything one simulator instance holds, shared by the API routes and the control. */
export interface SimContext {
  readonly store: SimStore;
  readonly settings: SimSettings;
  readonly initialSettings: SimSettings;
  readonly faults: FaultRegistry;
  readonly requests: RequestLog<FaultKind>;
  readonly webhooks: WebhookDispatcher;
  readonly limiter: RateLimiter;
}

export function createContext(initial: SimSettings, random: Random): SimContext {
  const settings = structuredClone(initial);
  return {
    store: new SimStore(),
    settings,
    initialSettings: structuredClone(initial),
    faults: new FaultRegistry(random),
    requests: new RequestLog<FaultKind>(),
    webhooks: new WebhookDispatcher(() => settings.webhook),
    limiter: new RateLimiter(),
  };
}

/** The order operations' view of the context. */
export function orderContext(context: SimContext): OrderContext {
  return {
    services: context.settings.services.map((service) => service.toLowerCase()),
    publish: (description, order, previous) => context.webhooks.publish(description, order, previous),
  };
}
