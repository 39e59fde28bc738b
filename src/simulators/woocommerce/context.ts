import { RequestLog } from '../shared/request-log';
import type { Random } from '../shared/random';
import type { FaultKind } from './control-schemas';
import { createFaultRules } from './faults';
import { SiteStore } from './state';
import { createDeliveries, type Deliveries } from './webhooks';

/** Everything one simulator instance holds, shared by the API routes and the control. */
export interface SimContext {
  readonly store: SiteStore;
  readonly faults: ReturnType<typeof createFaultRules>;
  readonly requests: RequestLog<FaultKind>;
  /** Webhook deliveries under way. */
  readonly deliveries: Deliveries;
  /** Where the server listens, so control answers can give each store's full site URL. */
  baseUrl: string;
}

/** `closing` ends the webhook deliveries under way when the server stops. */
export function createContext(random: Random, closing: AbortSignal, firstId?: number): SimContext {
  const context: SimContext = {
    store: new SiteStore(firstId),
    faults: createFaultRules(random),
    requests: new RequestLog(),
    deliveries: createDeliveries(() => context.baseUrl, closing),
    baseUrl: '',
  };
  return context;
}
