import { scopedToMerchant, UnknownMerchantError } from '../operations/errors';
import { CliError } from './errors';

/**
 * Runs a write (or an operation) scoped to `merchantId`; a merchant that does not exist becomes one line saying how
 * to add it.
 */
export async function forMerchant<T>(merchantId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await scopedToMerchant(merchantId, write);
  } catch (err) {
    if (err instanceof UnknownMerchantError) {
      throw new CliError(`merchant ${merchantId} does not exist: add it with epf merchants add ${merchantId}`);
    }
    throw err;
  }
}
