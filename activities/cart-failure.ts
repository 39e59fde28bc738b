import { ApplicationFailure } from '@temporalio/activity';
import { CartRefusal } from '../src/carts/adapter';
import { OrderFailure } from '../workflows/definitions';
import { ShopifyApiError } from '../src/carts/shopify/errors';
import { WooCommerceRefusal } from '../src/carts/woocommerce/errors';
import { BigCommerceRefusal } from '../src/carts/bigcommerce/errors';

/** Whether the cart refused our credentials: HTTP 401 or 403. */
function isAuthFailure(err: unknown): boolean {
  if (err instanceof ShopifyApiError) return err.kind === 'auth';
  const refusal = err instanceof WooCommerceRefusal || err instanceof BigCommerceRefusal;
  return refusal && (err.status === 401 || err.status === 403);
}

/**
 * Turns a cart adapter's error into what Temporal acts on: a refusal is non-retryable; anything else retries,
 * after the cart's Retry-After when it gave one. A refused credential keeps its retry behaviour but is typed
 * `CartAuthFailed`, so the cart's health record can tell it apart.
 */
export function toCartFailure(err: unknown): unknown {
  if (isAuthFailure(err)) {
    return ApplicationFailure.create({
      message: (err as Error).message,
      type: OrderFailure.CartAuthFailed,
      nonRetryable: err instanceof CartRefusal,
    });
  }
  if (err instanceof CartRefusal) return ApplicationFailure.nonRetryable(err.message, OrderFailure.CartRefused);
  const retryAfterMs = (err as { retryAfterMs?: unknown }).retryAfterMs;
  if (err instanceof Error && typeof retryAfterMs === 'number') {
    return ApplicationFailure.create({ message: err.message, type: err.name, nextRetryDelay: retryAfterMs });
  }
  return err;
}

/** Runs a cart call, translating its failure. */
export async function callCart<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toCartFailure(err);
  }
}
