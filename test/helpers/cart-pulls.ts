/**
 * Reading a cart adapter's pulls in tests: every page until the cart says there is no more, and the cart order IDs
 * they brought. API: `pullAll(cart, cursor?)`, `idsOf(pages)`, `cartOrderIdOf(pulled)`,
 * `cancelWithinTheSecondOfItsPull(cart, store)`.
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
const startOfNextSecond = () => sleep(1000 - (Date.now() % 1000));

/** A store's simulator as `cancelWithinTheSecondOfItsPull` drives it. */
export interface SameSecondStore {
  place(): number;
  cancel(id: number): void;
  /** The order's modified date as the store lists it. */
  modified(id: number): string;
}

/**
 * Places an order, pulls it and cancels it within one second, then pulls again: whether the order's modified date
 * stayed put (the case a cursor by modified date must still see) and what each pull brought, as `kind id`.
 */
export async function cancelWithinTheSecondOfItsPull(cart: CartAdapter, store: SameSecondStore) {
  await startOfNextSecond();
  const id = store.place();
  const placedAt = store.modified(id);
  const first = await cart.listOrders(undefined);
  store.cancel(id);
  const sameSecond = store.modified(id) === placedAt;
  const second = await cart.listOrders(first.cursor);
  const brought = (page: OrderPage) => page.orders.map((pulled) => `${pulled.kind} ${cartOrderIdOf(pulled)}`);
  return { id, sameSecond, pulls: [brought(first), brought(second)] };
}
