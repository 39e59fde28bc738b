import { ApplicationFailure } from '@temporalio/common';
import { toCartFailure } from '../../../activities/cart-failure';
import { CartRefusal } from '../../../src/carts/adapter';
import { ShopifyApiError } from '../../../src/carts/shopify/errors';
import { WooCommerceRefusal, WooCommerceUnavailable } from '../../../src/carts/woocommerce/errors';
import { OrderFailure } from '../../../workflows/definitions';

describe('toCartFailure', () => {
  it("retries after Shopify's Retry-After (chaos found it ignored: it sits in the error's details)", () => {
    const failure = toCartFailure(new ShopifyApiError('transient', 'HTTP 429', { status: 429, retryAfterMs: 2_000 }));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'ShopifyApiError', nextRetryDelay: 2_000, nonRetryable: false });
  });

  it("retries after WooCommerce's Retry-After", () => {
    const failure = toCartFailure(new WooCommerceUnavailable('HTTP 429', 3_000));
    expect(failure).toMatchObject({ nextRetryDelay: 3_000 });
  });

  it('leaves a failure without Retry-After to the retry policy, and never retries a refusal', () => {
    const plain = new ShopifyApiError('transient', 'HTTP 503', { status: 503 });
    expect(toCartFailure(plain)).toBe(plain);
    expect(toCartFailure(new CartRefusal('order is closed'))).toMatchObject({
      type: OrderFailure.CartRefused,
      nonRetryable: true,
    });
  });

  it('types a refused credential CartAuthFailed, keeping whether it retries', () => {
    const shopify = toCartFailure(new ShopifyApiError('auth', 'HTTP 401', { status: 401 }));
    expect(shopify).toMatchObject({ type: OrderFailure.CartAuthFailed, nonRetryable: false });
    const woo = toCartFailure(new WooCommerceRefusal(403, 'woocommerce_rest_cannot_view', 'Sorry'));
    expect(woo).toMatchObject({ type: OrderFailure.CartAuthFailed, nonRetryable: true });
    const missing = toCartFailure(new WooCommerceRefusal(404, 'rest_no_route', 'No route'));
    expect(missing).toMatchObject({ type: OrderFailure.CartRefused, nonRetryable: true });
  });
});
