import { listen, type SimServerOptions } from '../shared/server';
import { buildApp } from './app';
import { createContext } from './context';
import { createControl, type BigCommerceSimControl } from './control';
import { orderLinks } from './orders';
import { storeApiBase } from './paths';
import type { StoreRegistrySnapshot } from './state';

export type { BigCommerceSimControl, OrderView, StockView, StoreKeys } from './control';
export type { FaultInput, FaultKind, Malformation, OrderInput, ProductInput, StoreInput } from './control-schemas';
export type { StoreRegistrySnapshot } from './state';
export { seedBigCommerceDemo } from './demo';
export { bigCommerceStateSchemas, keptBigCommerceState } from './saved-state';

export type StartBigCommerceSimulatorOptions = SimServerOptions;

export interface RunningBigCommerceSimulator {
  /** `http://127.0.0.1:PORT`: the `apiUrl` of every store; store APIs live under `${url}/stores/<hash>`. */
  url: string;
  /** In-process handle: the same operations as the HTTP control API, typed. */
  control: BigCommerceSimControl;
  /** Stores, orders, shipments, stock and the ID counters, for a state file (src/simulators/shared/state-file.ts). */
  snapshot(): StoreRegistrySnapshot;
  /** Replaces every store with a snapshot's; faults and the request log are not kept, quota windows start afresh. */
  restore(saved: StoreRegistrySnapshot): void;
  /** Stops the server, ending slow (latency) requests. */
  close(): Promise<void>;
}

/** Starts the BigCommerce REST API simulator: a real HTTP server with no stores yet. */
export async function startBigCommerceSimulator(
  options: StartBigCommerceSimulatorOptions = {},
): Promise<RunningBigCommerceSimulator> {
  const context = createContext(options.random ?? Math.random, options.firstId);
  const control = createControl(context);
  const closing = new AbortController();
  const app = buildApp(context, control, closing.signal);
  context.baseUrl = await listen(app, options);
  return {
    url: context.baseUrl,
    control,
    snapshot: () => context.registry.snapshot(),
    restore(saved) {
      context.registry.restore(saved);
      for (const store of context.registry.stores.values()) {
        const apiBase = storeApiBase(context.baseUrl, store.hash);
        for (const order of store.orders.values()) Object.assign(order, orderLinks(apiBase, order.id));
      }
    },
    async close() {
      closing.abort();
      await app.close();
    },
  };
}
