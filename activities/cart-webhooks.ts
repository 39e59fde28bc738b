import { log } from '@temporalio/activity';
import type { CartAdapter } from '../src/carts/adapter';
import { cartWebhookUrl } from '../src/carts/webhook-url';
import type { Cart, CartStore } from '../src/db/carts';
import type { CartWebhookStore } from '../src/db/cart-webhooks';

export interface CartWebhookActivityDeps {
  carts: CartStore;
  webhooks: CartWebhookStore;
  adapterForCart(cart: Cart): Promise<CartAdapter>;
  /** PUBLIC_API_URL; unset, no webhook is registered and the interval's pulls alone bring orders. */
  publicApiUrl?: string;
}

/** What one check of a cart's webhooks did, for the pull's history (names and counts, no secret). */
export type CartWebhookOutcome =
  | { outcome: 'off' | 'unsupported' }
  | { outcome: 'ok'; created: number; updated: number; disabled: number }
  | { outcome: 'failed'; error: string };

/**
 * Run at the start of each pull: the cart's webhooks are re-made when missing, moved or disabled, so they heal within
 * one interval. Never fails the pull (polling is the safety net): a failure is recorded, a `cart_webhook_failing`
 * exception while it lasts, and a webhook the cart had disabled is a `cart_webhook_disabled` exception.
 */
export function createCartWebhookActivities(deps: CartWebhookActivityDeps) {
  return {
    async ensureCartWebhooks(input: { cartId: string }): Promise<CartWebhookOutcome> {
      if (!deps.publicApiUrl) return { outcome: 'off' };
      const cart = await deps.carts.get(input.cartId);
      if (!cart) return { outcome: 'unsupported' };
      const adapter = await deps.adapterForCart(cart);
      if (!adapter.ensureWebhooks) return { outcome: 'unsupported' };
      const url = cartWebhookUrl(deps.publicApiUrl, cart);
      try {
        const { secret, created } = await deps.webhooks.secret(cart.id);
        const check = await adapter.ensureWebhooks({ url, secret, secretChanged: created });
        if (check.disabled.length > 0) {
          const detail = check.disabled.join(', ');
          log.warn('The cart had disabled our webhooks after failed deliveries; re-activated them', {
            cartId: cart.id,
            disabled: detail,
            url,
          });
          await deps.webhooks.recordDisabled(cart.id, detail);
        }
        await deps.webhooks.recordRegistered(cart.id);
        if (check.created.length + check.updated.length > 0) {
          log.info('Cart webhooks registered', { cartId: cart.id, ...check, url });
        }
        return {
          outcome: 'ok',
          created: check.created.length,
          updated: check.updated.length,
          disabled: check.disabled.length,
        };
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        log.warn('Could not register the cart webhooks; the interval pulls still run', { cartId: cart.id, error });
        await deps.webhooks.recordFailing(cart.id, error);
        return { outcome: 'failed', error };
      }
    },
  };
}
