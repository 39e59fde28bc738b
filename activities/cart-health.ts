import { ApplicationFailure, log } from '@temporalio/activity';
import type { CartFailureStore, CartOperation } from '../src/db/cart-failures';
import { OrderFailure } from '../workflows/definitions';

/**
 * Runs one pull or push of a cart and keeps its health record: a failure counts one more in a row (a refused
 * credential is marked as such), a success clears the count. `epf exceptions` reads the record.
 */
export async function watchCart<T>(
  failures: CartFailureStore,
  cartId: string,
  operation: CartOperation,
  run: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (err) {
    const auth = err instanceof ApplicationFailure && err.type === OrderFailure.CartAuthFailed;
    const error = err instanceof Error ? err.message : String(err);
    // The failure itself is what the retry must see; a record that cannot be written is only logged.
    await failures.recordFailure(cartId, operation, { error, auth }).catch((recordErr: unknown) => {
      log.warn('Could not record a failed cart call', { cartId, operation, error: String(recordErr) });
    });
    throw err;
  }
  await failures.recordSuccess(cartId, operation);
  return result;
}
