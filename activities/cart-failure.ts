import { ApplicationFailure } from '@temporalio/activity';
import { CartRefusal } from '../src/carts/adapter';
import { OrderFailure } from '../workflows/definitions';

/**
 * Turns a cart adapter's error into what Temporal acts on: a refusal is non-retryable; anything else retries,
 * after the cart's Retry-After when it gave one.
 */
export function toCartFailure(err: unknown): unknown {
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
