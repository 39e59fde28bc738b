import type { AddressInfo } from 'node:net';
import type { Random } from '../shared/random';
import { buildApp } from './app';
import { SimContext } from './context';
import { createControl, type ShopifySimControl } from './control';

export type {
  FulfillmentOrderSummary,
  FulfillmentSummary,
  InventoryLevelSummary,
  ShopCredentials,
  ShopifySimControl,
} from './control';
export type { FaultInput, FaultKind, Malformation, OrderInput, ShopInput } from './control-schemas';
export type { RequestLogEntry } from '../shared/request-log';
export { API_VERSION } from './routes/admin-api';

export interface StartShopifySimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Draws for faults with `rate` < 1 and no `seed` of their own; default Math.random. */
  random?: Random;
}

export interface RunningShopifySimulator {
  /** `http://127.0.0.1:PORT`; each shop's URL is `${url}/shops/<id>`. */
  url: string;
  /** In-process handle: the same operations as the HTTP control API, typed. */
  control: ShopifySimControl;
  close(): Promise<void>;
}

/** Starts the Shopify Admin GraphQL simulator: a real HTTP server with no shops yet. */
export async function startShopifySimulator(
  options: StartShopifySimulatorOptions = {},
): Promise<RunningShopifySimulator> {
  const context = new SimContext(options.random ?? Math.random);
  let url = '';
  const control = createControl(context, () => url);
  const closing = new AbortController();
  const app = buildApp(context, control, closing.signal);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    control,
    async close() {
      closing.abort();
      await app.close();
    },
  };
}
