/**
 * Reading a cart adapter's pulls in tests: every page until the cart says there is no more, and the cart order IDs
 * they brought. API: `pullAll(cart, cursor?)`, `idsOf(pages)`, `cartOrderIdOf(pulled)`, `startOfNextSecond()`.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CartAdapter, OrderPage, PulledOrder } from '../../src/carts/adapter';

/** Pulls until the cart says there is no more; returns every page and the cursor after the last. */
export async function pullAll(cart: CartAdapter, cursor?: string): Promise<{ pages: OrderPage[]; cursor?: string }> {
  const pages: OrderPage[] = [];
  for (;;) {
    const page = await cart.listOrders(cursor);
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return { pages, cursor };
  }
}

export function cartOrderIdOf(pulled: PulledOrder): string {
  if (pulled.kind === 'order') return pulled.order.cartOrderId;
  if (pulled.kind === 'malformed') return pulled.draft.cartOrderId;
  return pulled.cartOrderId;
}

/** The cart order IDs the pages brought, in order. */
export const idsOf = (pages: OrderPage[]): string[] => pages.flatMap((page) => page.orders).map(cartOrderIdOf);

/**
 * Waits for the next whole second: carts count modified dates in whole seconds, so what a test does in the few
 * milliseconds after this shares one modified date.
 */
export const startOfNextSecond = () => sleep(1000 - (Date.now() % 1000));
