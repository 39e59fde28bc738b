import { CliError } from './errors';

// PostgreSQL's foreign_key_violation: every merchant-scoped table references merchants(id).
const FOREIGN_KEY_VIOLATION = '23503';

/** Runs a write scoped to `merchantId`; a merchant that does not exist becomes one line saying how to add it. */
export async function forMerchant<T>(merchantId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
      throw new CliError(`merchant ${merchantId} does not exist: add it with epf merchants add ${merchantId}`);
    }
    throw err;
  }
}
