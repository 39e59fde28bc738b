import type { Pool } from 'pg';
import type { Cart } from '../db/carts';
import type { CartAdapter } from './adapter';
import { createManualCartAdapter } from './manual/adapter';

/** The adapter for a cart's type; a new cart type is a folder under src/carts/ and one line here. */
export function cartAdapterFor(cart: Cart, deps: { pool: Pool }): CartAdapter {
  switch (cart.type) {
    case 'manual':
      return createManualCartAdapter(deps.pool, cart.id);
    default:
      throw new Error(`Cart ${cart.id} has type "${cart.type}", for which no adapter exists yet`);
  }
}
