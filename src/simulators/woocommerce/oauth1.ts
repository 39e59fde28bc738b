import type { FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { WpError } from './errors';
import type { Site } from './state';

/** WooCommerce accepts a timestamp this far either side of its clock, and remembers nonces this long. */
const WINDOW_S = 15 * 60;
const REQUIRED = ['oauth_consumer_key', 'oauth_timestamp', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method'];

/** PHP's rawurlencode: RFC 3986, everything but unreserved characters escaped. */
const rfc3986 = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

const authError = (message: string) => new WpError(401, 'woocommerce_rest_authentication_error', message);

/** True when the request carries any OAuth parameter, so WooCommerce takes the OAuth path. */
export const hasOAuthParameters = (params: Map<string, string>): boolean => REQUIRED.some((name) => params.has(name));

/**
 * One-legged OAuth 1.0a as WooCommerce checks it over plain HTTP (WC_REST_Authentication::perform_oauth_authentication):
 * the parameters in the query string, HMAC-SHA1 or -SHA256 over METHOD&URL&sorted parameters keyed with
 * `consumer_secret&`, a timestamp within 15 minutes, and a nonce not seen before. `site` is the store the consumer key
 * the URL names; `nonces` remembers its recent nonces.
 */
export function checkOAuth1(
  request: FastifyRequest,
  params: Map<string, string>,
  site: Site,
  nonces: Map<string, number>,
  nowS = Math.floor(Date.now() / 1000),
): void {
  const missing = REQUIRED.filter((name) => !params.get(name));
  if (missing.length > 0) {
    throw new WpError(
      401,
      'woocommerce_rest_authentication_missing_parameter',
      `Missing OAuth parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
    );
  }
  if (params.get('oauth_consumer_key') !== site.consumerKey) throw authError('Consumer key is invalid.');

  const method = params.get('oauth_signature_method');
  if (method !== 'HMAC-SHA1' && method !== 'HMAC-SHA256') {
    throw authError('Invalid signature - signature method is invalid.');
  }
  const signed = [...params]
    .filter(([name]) => name !== 'oauth_signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(value)}`)
    .join('&');
  const path = request.url.split('?')[0]!;
  const baseUri = `http://${request.headers.host ?? ''}${path}`;
  const stringToSign = `${request.method.toUpperCase()}&${rfc3986(baseUri)}&${rfc3986(signed)}`;
  const expected = createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', `${site.consumerSecret}&`)
    .update(stringToSign)
    .digest('base64');
  // PHP's $_GET turned a '+' into a space; WooCommerce turns it back.
  const given = params.get('oauth_signature')!.replace(/ /g, '+');
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    throw authError('Invalid signature - provided signature does not match.');
  }

  const timestamp = Number(params.get('oauth_timestamp'));
  if (!Number.isFinite(timestamp) || Math.abs(nowS - timestamp) > WINDOW_S) throw authError('Invalid timestamp.');
  for (const [nonce, seenAt] of nonces) if (seenAt < nowS - WINDOW_S) nonces.delete(nonce);
  const nonce = params.get('oauth_nonce')!;
  if (nonces.has(nonce)) throw authError('Invalid nonce - nonce has already been used.');
  nonces.set(nonce, timestamp);
}
