import { log } from '@temporalio/activity';
import type { CartAdapter, WebhookCheck } from '../src/carts/adapter';
import { cartWebhookBaseUrl } from '../src/carts/webhook-url';
import type { CartFailureStore } from '../src/db/cart-failures';
import type { Cart, CartStore } from '../src/db/carts';
import { callCart } from './cart-failure';
import { watchCart } from './cart-health';

export interface CartWebhookActivityDeps {
  carts: CartStore;
  /** A failed registration counts in the cart's health record (operation `webhook`), as a failed pull does. */
  failures: CartFailureStore;
  adapterForCart(cart: Cart): Promise<CartAdapter>;
  /** PUBLIC_API_URL; unset, no webhook is registered and the interval pulls alone bring orders. */
  publicApiUrl?: string;
}

/** What one check did: the adapter's answer, `off` (no PUBLIC_API_URL, or a cart without webhooks), or `failed`. */
export type CartWebhookOutcome = WebhookCheck | 'off' | 'failed';

/** The webhook check each pull runs beside its first page: self-healing registration, with no schedule of its own. */
export function createCartWebhookActivities(deps: CartWebhookActivityDeps) {
  // Told once per cart and worker process: every pull would repeat it.
  const toldNoSecret = new Set<string>();
  return {
    /**
     * Makes sure the cart's webhook exists and points at this epf. Never fails: the pull it runs beside must go on
     * whatever happens here, so a failure is logged and recorded in the cart's health record instead, where ten in a
     * row (or one refused credential) become an exception.
     */
    async ensureCartWebhook(input: { cartId: string }): Promise<CartWebhookOutcome> {
      if (!deps.publicApiUrl) return 'off';
      const { cartId } = input;
      try {
        const cart = await deps.carts.get(cartId);
        if (!cart) return 'off';
        const adapter = await deps.adapterForCart(cart);
        const ensure = adapter.ensureWebhook?.bind(adapter);
        if (!ensure) return 'off';
        const baseUrl = cartWebhookBaseUrl(deps.publicApiUrl, cartId);
        const outcome = await watchCart(deps.failures, cartId, 'webhook', () => callCart(() => ensure(baseUrl)));
        if (outcome === 'registered') log.info('Registered the cart webhook', { cartId, baseUrl });
        if (outcome === 'no_secret' && !toldNoSecret.has(cartId)) {
          toldNoSecret.add(cartId);
          log.warn('The cart credentials hold no webhook secret: no webhook is registered, pulls alone bring orders', {
            cartId,
          });
        }
        return outcome;
      } catch (err) {
        log.warn('Could not make sure of the cart webhook; the pull goes on', { cartId, error: String(err) });
        return 'failed';
      }
    },
  };
}
