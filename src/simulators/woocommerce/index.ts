import { listen, type SimServerOptions } from '../shared/server';
import { buildApp } from './app';
import { createContext } from './context';
import { createControl, type WooCommerceSimControl } from './control';
import type { SiteStoreSnapshot } from './state';

export type { OrderView, SiteKeys, WooCommerceSimControl } from './control';
export type { FaultInput, FaultKind, Malformation, OrderInput, ProductInput, SiteInput } from './control-schemas';
export type { WpErrorBody } from './errors';
export type { SiteStoreSnapshot, WooOrder, WooProduct, WooNote, WooTracking, WooWebhook } from './state';
export { webhookSignature } from './webhooks';
export { seedWooCommerceDemo } from './demo';

export type StartWooCommerceSimulatorOptions = SimServerOptions;

export interface RunningWooCommerceSimulator {
  /** `http://127.0.0.1:PORT`; stores live under `${url}/sites/<id>`. */
  url: string;
  /** In-process handle: the same operations as the HTTP control API, typed. */
  control: WooCommerceSimControl;
  /** Stores, orders, notes and tracking, for a state file (src/simulators/shared/state-file.ts). */
  snapshot(): SiteStoreSnapshot;
  /** Replaces every store with a snapshot's. */
  restore(saved: SiteStoreSnapshot): void;
  /** Stops the server, ending slow (latency) requests. */
  close(): Promise<void>;
}

/** Starts the WooCommerce REST API simulator: a real HTTP server with no stores yet. */
export async function startWooCommerceSimulator(
  options: StartWooCommerceSimulatorOptions = {},
): Promise<RunningWooCommerceSimulator> {
  const closing = new AbortController();
  const context = createContext(options.random ?? Math.random, closing.signal, options.firstId);
  const control = createControl(context);
  const app = buildApp(context, control, closing.signal);
  context.baseUrl = await listen(app, options);
  return {
    url: context.baseUrl,
    control,
    snapshot: () => context.store.snapshot(),
    restore: (saved) => context.store.restore(saved),
    async close() {
      closing.abort();
      await Promise.all([app.close(), context.deliveries.settled()]);
    },
  };
}
