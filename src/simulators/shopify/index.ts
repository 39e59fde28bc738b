import { listen, type SimServerOptions } from '../shared/server';
import { buildApp } from './app';
import { SimContext } from './context';
import { createControl, type ShopifySimControl } from './control';
import { restoreShops, snapshotShops, type ShopifySnapshot } from './saved-state';

export type { NotificationDelivery } from './notifications';
export type {
  FulfillmentOrderSummary,
  FulfillmentServiceSummary,
  FulfillmentSummary,
  InventoryLevelSummary,
  ShopCredentials,
  ShopifySimControl,
} from './control';
export type {
  FaultInput,
  FaultKind,
  Malformation,
  OrderInput,
  RequestInput,
  ShopInput,
  Unrequested,
} from './control-schemas';
export type { RequestLogEntry } from '../shared/request-log';
export type { ShopifySnapshot } from './saved-state';
export { NEWEST_API_VERSION, OLDEST_API_VERSION, SUPPORTED_API_VERSIONS } from './api-versions';

export type StartShopifySimulatorOptions = SimServerOptions;

export interface RunningShopifySimulator {
  /** `http://127.0.0.1:PORT`; each shop's URL is `${url}/shops/<id>`. */
  url: string;
  /** In-process handle: the same operations as the HTTP control API, typed. */
  control: ShopifySimControl;
  /** Shops, orders and fulfillments, for a state file (src/simulators/shared/state-file.ts). */
  snapshot(): ShopifySnapshot;
  /** Replaces every shop with a snapshot's. */
  restore(saved: ShopifySnapshot): void;
  close(): Promise<void>;
}

/** Starts the Shopify Admin GraphQL simulator: a real HTTP server with no shops yet. */
export async function startShopifySimulator(
  options: StartShopifySimulatorOptions = {},
): Promise<RunningShopifySimulator> {
  const context = new SimContext(options.random ?? Math.random, options.firstId);
  let url = '';
  const control = createControl(context, () => url);
  const closing = new AbortController();
  const app = buildApp(context, control, closing.signal);
  url = await listen(app, options);
  return {
    url,
    control,
    snapshot: () => snapshotShops(context),
    restore: (saved) => restoreShops(context, saved),
    async close() {
      closing.abort();
      await app.close();
    },
  };
}
