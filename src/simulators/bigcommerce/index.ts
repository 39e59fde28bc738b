import { listen, type SimServerOptions } from '../shared/server';
import { buildApp } from './app';
import { createContext } from './context';
import { createControl, type BigCommerceSimControl } from './control';

export type { BigCommerceSimControl, OrderView, StockView, StoreKeys } from './control';
export type { FaultInput, FaultKind, Malformation, OrderInput, ProductInput, StoreInput } from './control-schemas';
export { seedBigCommerceDemo } from './demo';

export type StartBigCommerceSimulatorOptions = SimServerOptions;

export interface RunningBigCommerceSimulator {
  /** `http://127.0.0.1:PORT`: the `apiUrl` of every store; store APIs live under `${url}/stores/<hash>`. */
  url: string;
  /** In-process handle: the same operations as the HTTP control API, typed. */
  control: BigCommerceSimControl;
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
    async close() {
      closing.abort();
      await app.close();
    },
  };
}
