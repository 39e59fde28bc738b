import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { BcError, versionOf } from '../errors';
import { QuotaWindow, sendHeaders } from '../rate-limit';
import type { Store, StoreRegistry } from '../state';

const stores = new WeakMap<FastifyRequest, Store>();
const windows = new WeakMap<Store, QuotaWindow>();

/** The store that authenticated this request. */
export function storeOf(request: FastifyRequest): Store {
  const store = stores.get(request);
  if (!store) throw new Error('storeOf called outside an authenticated route');
  return store;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function windowOf(store: Store): QuotaWindow {
  let window = windows.get(store);
  if (!window) {
    window = new QuotaWindow(store.quota.requests, store.quota.windowMs);
    windows.set(store, window);
  }
  return window;
}

/**
 * Resolves `/stores/:storeHash`, checks the X-Auth-Token, then counts the request against the store's quota: every
 * answer carries the quota headers, and a spent window answers 429 until it resets.
 */
export function installAuth(app: FastifyInstance, registry: StoreRegistry): void {
  app.addHook('onRequest', async (request, reply) => {
    const version = versionOf(request.url);
    const store = registry.stores.get((request.params as { storeHash: string }).storeHash);
    const token = request.headers['x-auth-token'];
    if (!store || typeof token !== 'string' || !same(token, store.accessToken)) {
      throw new BcError(401, 'You have not provided a valid X-Auth-Token for this store.', version);
    }
    const window = windowOf(store);
    const allowed = window.take();
    sendHeaders(reply, window.headers());
    if (!allowed) throw new BcError(429, 'Too many requests: the request quota is spent for this window.', version);
    stores.set(request, store);
  });
}
