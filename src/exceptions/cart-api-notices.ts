import { DEFAULT_SHOPIFY_API_VERSION } from '../domain/shopify-api-version';
import type { Cart } from '../db/carts';
import type { CartApiNotice } from '../db/cart-api-notices';
import type { Exception } from '../domain/exceptions';

/**
 * Each fresh notice for the version a cart still asks for: Shopify answered with another version (the one asked for
 * is no longer supported, and the answers' shape may have changed under us), or our documents use fields Shopify
 * deprecated, which a later version removes. Changing the cart's `apiVersion` resolves the first at once.
 */
export function cartApiNoticeExceptions(notices: CartApiNotice[], carts: readonly Cart[]): Exception[] {
  const asked = new Map(carts.map((cart) => [cart.id, cart.settings.apiVersion ?? DEFAULT_SHOPIFY_API_VERSION]));
  return notices
    .filter((notice) => asked.get(notice.cartId) === notice.requestedVersion)
    .map((notice) => {
      const since = notice.firstSeenAt.toISOString();
      const served = notice.servedVersion;
      return {
        key: `cart_api_deprecated:${notice.cartId}:${notice.requestedVersion}:${served ?? ''}:${notice.deprecatedReason ?? ''}:${since}`,
        kind: 'cart_api_deprecated',
        merchantId: notice.merchantId,
        since,
        reason: served
          ? `Cart ${notice.cartId} asks Shopify for API ${notice.requestedVersion}, which Shopify no longer serves: ` +
            `${served} answered (${notice.operation})`
          : `Cart ${notice.cartId} uses Shopify API fields deprecated in ${notice.requestedVersion}: ` +
            `${notice.deprecatedReason} (${notice.operation}); a later version removes them`,
        fix: served
          ? `epf carts set ${notice.cartId} --api-version ${DEFAULT_SHOPIFY_API_VERSION}`
          : `upgrade epf to a release whose Shopify documents avoid ${notice.deprecatedReason}, before the cart's ` +
            `version (${notice.requestedVersion}) is retired`,
      } satisfies Exception;
    });
}
