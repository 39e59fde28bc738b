import type { CartWebhookProblem } from '../db/cart-webhooks';
import type { Exception } from '../domain/exceptions';
import { pullScheduleId } from '../../workflows/definitions';

/**
 * A cart's webhooks that need a person: one the cart disabled after failed deliveries (orders waited for the
 * interval's pull meanwhile; the pull re-activated it, but whatever made deliveries fail may still be there), and
 * registrations that keep failing (no webhook at all: orders arrive only at the interval).
 */
export function cartWebhookExceptions(problems: CartWebhookProblem[]): Exception[] {
  return problems.flatMap((problem): Exception[] => {
    const { cartId, merchantId, cartType } = problem;
    const recheck = `epf schedules trigger ${pullScheduleId(cartId)}`;
    const found: Exception[] = [];
    if (problem.disabled) {
      const since = problem.disabled.foundAt.toISOString();
      found.push({
        key: `cart_webhook_disabled:${cartId}:${since}`,
        kind: 'cart_webhook_disabled',
        merchantId,
        cartId,
        since,
        reason:
          `the ${cartType} cart ${cartId} had disabled epf's webhook ${problem.disabled.detail} after failed ` +
          `deliveries; epf re-activated it, and orders waited for the interval's pull meanwhile`,
        fix:
          `check that the store reaches PUBLIC_API_URL (DNS, TLS, firewall) and that the API was up; 'Rejected a ` +
          `... webhook without a valid signature' warnings in the API log mean a wrong secret; the store's own ` +
          `webhook log shows each delivery; then ${recheck}`,
      });
    }
    if (problem.failing) {
      const since = problem.failing.since.toISOString();
      found.push({
        key: `cart_webhook_failing:${cartId}:${since}`,
        kind: 'cart_webhook_failing',
        merchantId,
        cartId,
        since,
        reason: `epf cannot register the webhooks of the ${cartType} cart ${cartId}: ${problem.failing.error}`,
        fix:
          `check that the cart's credentials may manage webhooks (WooCommerce: a read/write key; Shopify: the ` +
          `app's fulfillment scopes, and a locationId that is its fulfillment service's) and that PUBLIC_API_URL is ` +
          `the API's public address, then ${recheck}`,
      });
    }
    return found;
  });
}
