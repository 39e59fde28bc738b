import type { Pool } from 'pg';
import type { Cart, CartStore } from '../db/carts';
import type { CartAdapter } from './adapter';
import { createBigCommerceAdapter } from './bigcommerce';
import { createManualCartAdapter } from './manual/adapter';
import { createShopifyAdapter } from './shopify/adapter';
import type { ShopifyApiNotice } from './shopify/api-notice';
import { createWooCommerceAdapter } from './woocommerce';

export interface CartAdapterDeps {
  pool: Pool;
  /** A store with EPF_SECRET_KEY: adapters get the cart's decrypted credentials, inside activities only. */
  carts: CartStore;
  /** The `fetch` an adapter of this cart type uses (the worker's records metrics); default: global fetch. */
  fetchFor?: (type: 'shopify' | 'woocommerce' | 'bigcommerce') => typeof fetch;
  /** Told when a cart's API answers with another version or a deprecation (the worker warns and records it). */
  onApiNotice?: (cart: Cart, notice: ShopifyApiNotice) => void;
}

/** Cart types with an adapter below. */
export const CART_TYPES = ['manual', 'shopify', 'woocommerce', 'bigcommerce'] as const;

/**
 * The adapter for a cart's type, from the cart (`adapterForCart`, when the caller has loaded it anyway) or its ID;
 * a new cart type is a folder under src/carts/ and one line here.
 */
export function createCartAdapters(deps: CartAdapterDeps) {
  async function adapterForCart(cart: Cart): Promise<CartAdapter> {
    switch (cart.type) {
      case 'manual':
        return createManualCartAdapter(deps.pool, cart.id);
      case 'shopify':
        return createShopifyAdapter({
          ...identity(cart),
          credentials: await deps.carts.credentials(cart.id),
          apiVersion: cart.settings.apiVersion,
          onApiNotice: deps.onApiNotice && ((notice) => deps.onApiNotice!(cart, notice)),
          fetch: deps.fetchFor?.('shopify'),
        });
      case 'woocommerce':
        return createWooCommerceAdapter({
          ...identity(cart),
          credentials: await deps.carts.credentials(cart.id),
          fetch: deps.fetchFor?.('woocommerce'),
        });
      case 'bigcommerce':
        return createBigCommerceAdapter({
          ...identity(cart),
          credentials: await deps.carts.credentials(cart.id),
          fetch: deps.fetchFor?.('bigcommerce'),
        });
      default:
        throw new Error(`Cart ${cart.id} has type "${cart.type}", for which no adapter exists yet`);
    }
  }

  async function adapterFor(cartId: string): Promise<CartAdapter> {
    const cart = await deps.carts.get(cartId);
    if (!cart) throw new Error(`Unknown cart ${cartId}`);
    return adapterForCart(cart);
  }

  return { adapterFor, adapterForCart };
}

const identity = (cart: Cart) => ({ merchantId: cart.merchantId, cartId: cart.id });
