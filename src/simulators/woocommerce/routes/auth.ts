import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { WpError } from '../errors';
import type { Site, SiteStore } from '../state';

const sites = new WeakMap<FastifyRequest, Site>();

/** The store that authenticated this request. */
export function siteOf(request: FastifyRequest): Site {
  const site = sites.get(request);
  if (!site) throw new Error('siteOf called outside an authenticated route');
  return site;
}

/** Key and secret from HTTP Basic, else from the `consumer_key`/`consumer_secret` query parameters. */
function credentials(request: FastifyRequest): { key: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (match?.[1]) {
    const [key = '', ...rest] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
    return { key, secret: rest.join(':') };
  }
  const query = request.query as Record<string, unknown>;
  if (typeof query.consumer_key === 'string' && typeof query.consumer_secret === 'string') {
    return { key: query.consumer_key, secret: query.consumer_secret };
  }
  return undefined;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

// Without credentials WordPress treats the caller as a visitor, so the permission check answers (docs §3).
function anonymous(method: string): WpError {
  if (method === 'GET') return new WpError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
  if (method === 'POST') {
    return new WpError(401, 'woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.');
  }
  return new WpError(401, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
}

/** Resolves `/sites/:siteId` and checks the store's consumer key and secret on every API route. */
export function installAuth(app: FastifyInstance, store: SiteStore): void {
  app.addHook('onRequest', async (request) => {
    const site = store.sites.get((request.params as { siteId: string }).siteId);
    if (!site) throw new WpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
    const given = credentials(request);
    if (!given) throw anonymous(request.method);
    if (!same(given.key, site.consumerKey)) {
      throw new WpError(401, 'woocommerce_rest_authentication_error', 'Consumer key is invalid.');
    }
    if (!same(given.secret, site.consumerSecret)) {
      throw new WpError(401, 'woocommerce_rest_authentication_error', 'Consumer secret is invalid.');
    }
    sites.set(request, site);
  });
}
