import type { AddressInfo } from 'node:net';
import type { Random } from '../shared/random';
import { buildApp } from './app';
import { createContext } from './context';
import { createControl, type WooCommerceSimControl } from './control';

export type { OrderView, SiteKeys, WooCommerceSimControl } from './control';
export type { FaultInput, FaultKind, Malformation, OrderInput, ProductInput, SiteInput } from './control-schemas';
export type { WpErrorBody } from './errors';
export type { WooOrder, WooProduct, WooNote, WooTracking } from './state';
export { seedWooCommerceDemo } from './demo';

export interface StartWooCommerceSimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Draws for faults with `rate` < 1 and no `seed` of their own; default Math.random. */
  random?: Random;
}

export interface RunningWooCommerceSimulator {
  /** `http://127.0.0.1:PORT`; stores live under `${url}/sites/<id>`. */
  url: string;
  /** In-process handle: the same operations as the HTTP control API, typed. */
  control: WooCommerceSimControl;
  /** Stops the server, ending slow (latency) requests. */
  close(): Promise<void>;
}

/** Starts the WooCommerce REST API simulator: a real HTTP server with no stores yet. */
export async function startWooCommerceSimulator(
  options: StartWooCommerceSimulatorOptions = {},
): Promise<RunningWooCommerceSimulator> {
  const context = createContext(options.random ?? Math.random);
  const control = createControl(context);
  const closing = new AbortController();
  const app = buildApp(context, control, closing.signal);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  context.baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: context.baseUrl,
    control,
    async close() {
      closing.abort();
      await app.close();
    },
  };
}
