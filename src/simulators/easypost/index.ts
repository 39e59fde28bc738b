import { buildApp } from './app';
import { startAutoShip, type AutoShipOptions } from './auto-ship';
import {
  createContext,
  DEFAULT_LISTING,
  DEFAULT_ORDER_WAREHOUSE_ID,
  DEFAULT_RATE_LIMIT_PER_SECOND,
  DEFAULT_SERVICES,
} from './context';
import { createControl, type EasyPostSimControl } from './control';
import { API_PREFIX } from './paths';
import { listen, type SimServerOptions } from '../shared/server';
import type { StoreSnapshot } from './state';
import type { WebhookConfig } from './webhooks';

export type { AutoShipOptions } from './auto-ship';
export type { AccountKeys, EasyPostSimControl, StockLevel } from './control';
export type { SimSettings } from './context';
export type {
  AdvanceInput,
  FaultInput,
  FaultKind,
  FiredKind,
  SeedInput,
  SettingsInput,
  StockInput,
} from './control-schemas';
export type { ApiErrorBody } from './errors';
export type { RequestLogEntry } from '../shared/request-log';
export type { Order, OrderStatus, Product, StoreSnapshot, Tracker, Warehouse } from './state';
export type { WebhookConfig, WebhookDelivery } from './webhooks';
export { signature as webhookSignature } from './webhooks';

export interface StartEasyPostSimulatorOptions extends SimServerOptions {
  /** Where `fulfillment.order.*` events are POSTed, signed with `secret`. */
  webhook?: WebhookConfig;
  /** Services POST orders accepts; default standard, expedited, priority. */
  services?: string[];
  /** Requests per second per API key (docs §11); default 5, `null` for no limit. */
  rateLimitPerSecond?: number | null;
  /** Ship accepted orders on their own after a delay (the local demo); default off. */
  autoShip?: AutoShipOptions;
}

export interface RunningEasyPostSimulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `${url}/fulfillment/vendor/v2/` */
  apiBaseUrl: string;
  /** In-process handle: the same operations as the HTTP control API, typed. */
  control: EasyPostSimControl;
  /** Accounts, catalogues, stock and orders, for a state file (src/simulators/shared/state-file.ts). */
  snapshot(): StoreSnapshot;
  /** Replaces every account with a snapshot's. */
  restore(saved: StoreSnapshot): void;
  /** Stops the server, ending held (commit_then_timeout) connections and webhook retries. */
  close(): Promise<void>;
}

/** Starts the EasyPost Fulfillment simulator: a real HTTP server with no accounts yet. */
export async function startEasyPostSimulator(
  options: StartEasyPostSimulatorOptions = {},
): Promise<RunningEasyPostSimulator> {
  const context = createContext(
    {
      services: options.services ?? DEFAULT_SERVICES,
      rate_limit_per_second:
        options.rateLimitPerSecond === undefined ? DEFAULT_RATE_LIMIT_PER_SECOND : options.rateLimitPerSecond,
      webhook: options.webhook ?? null,
      ...DEFAULT_LISTING,
      order_warehouse_id: DEFAULT_ORDER_WAREHOUSE_ID,
    },
    options.random ?? Math.random,
  );
  const control = createControl(context);
  const closing = new AbortController();
  const app = buildApp(context, control, closing.signal);
  const url = await listen(app, options);
  const stopAutoShip = options.autoShip ? startAutoShip(context.store, control, options.autoShip) : () => undefined;
  return {
    url,
    apiBaseUrl: `${url}${API_PREFIX}/`,
    control,
    snapshot: () => context.store.snapshot(),
    restore: (saved) => context.store.restore(saved),
    async close() {
      stopAutoShip();
      closing.abort();
      await context.webhooks.close();
      await app.close();
    },
  };
}
