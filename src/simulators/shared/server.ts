/**
 * The HTTP server every simulator runs: fastify with the same options, the same lenient JSON parser, and the same way
 * of listening and closing. API: `createSimServer()`, `parseJsonOrNothing(app, malformed)`, `listen(app, options)`, `SimServerOptions`.
 */
import fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { Random } from './random';

/** Fastify as the simulators run it; close() must also end held (commit_then_timeout) and slow (latency) requests. */
export function createSimServer(): FastifyInstance {
  return fastify({ routerOptions: { ignoreTrailingSlash: true }, forceCloseConnections: true });
}

/**
 * Like fastify's JSON parser, but an empty body (a DELETE from some clients) is no body rather than an error;
 * `malformed` builds the API's error for bad JSON.
 */
export function parseJsonOrNothing(app: FastifyInstance, malformed: (message: string) => Error): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(malformed(`Malformed JSON: ${(error as Error).message}`), undefined);
    }
  });
}

export interface ListenOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
}

/** Starts `app` and answers its base URL, `http://HOST:PORT` (IPv6 hosts bracketed). */
export async function listen(app: FastifyInstance, options: ListenOptions): Promise<string> {
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const { port } = app.server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** What every `start…Simulator` takes. */
export interface SimServerOptions extends ListenOptions {
  /** Draws for faults with `rate` < 1 and no `seed` of their own; default Math.random. */
  random?: Random;
  /**
   * First number of the cart's own IDs (orders, products), as a real store's counter would be after years of trade.
   * The local stack starts from the clock so a restarted simulator never reuses an order ID epf already knows.
   */
  firstId?: number;
}
