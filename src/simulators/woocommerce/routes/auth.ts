import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { WpError } from '../errors';
import { checkOAuth1, hasOAuthParameters } from '../oauth1';
import { queryParameters } from '../query-parameters';
import type { Site, SiteStore } from '../state';

const sites = new WeakMap<FastifyRequest, Site>();
/** Each store's recent OAuth nonces (nonce → timestamp), as WooCommerce keeps them with the key. */
const nonces = new WeakMap<Site, Map<string, number>>();

/** The store that authenticated this request. */
export function siteOf(request: FastifyRequest): Site {
  const site = sites.get(request);
  if (!site) throw new Error('siteOf called outside an authenticated route');
  return site;
}

/** Key and secret from HTTP Basic, else from the `consumer_key`/`consumer_secret` query parameters. */
function credentials(request: FastifyRequest, query: Map<string, string>): { key: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (match?.[1]) {
    const [key = '', ...rest] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
    return { key, secret: rest.join(':') };
  }
  const key = query.get('consumer_key');
  const secret = query.get('consumer_secret');
  if (key !== undefined && secret !== undefined) return { key, secret };
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

/**
 * Resolves `/sites/:siteId` and checks the store's credentials on every API route: the key and secret (HTTP Basic or
 * query string, which WooCommerce takes over HTTPS, accepted here over plain HTTP) or an OAuth 1.0a signature (what
 * WooCommerce takes over plain HTTP, and what the official client sends to an `http://` URL).
 */
export function installAuth(app: FastifyInstance, store: SiteStore): void {
  app.addHook('onRequest', async (request) => {
    const site = store.sites.get((request.params as { siteId: string }).siteId);
    if (!site) throw new WpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
    const query = queryParameters(request);
    const given = credentials(request, query);
    if (!given && hasOAuthParameters(query)) {
      if (!nonces.has(site)) nonces.set(site, new Map());
      checkOAuth1(request, query, site, nonces.get(site)!);
      sites.set(request, site);
      return;
    }
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
