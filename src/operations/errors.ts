/**
 * A request the operations layer refuses, by kind: the API answers it with its status (404, 409, 400) and the CLI
 * prints its message, so both say the same thing.
 */
export class OperationError extends Error {
  override readonly name: string = 'OperationError';
  constructor(
    readonly kind: 'not found' | 'conflict' | 'invalid',
    message: string,
    /** The input field an `invalid` request got wrong, as the API names it (`name`, `settings.resendHour`). */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A write scoped to a merchant that does not exist; the CLI adds how to create it. */
export class UnknownMerchantError extends OperationError {
  override readonly name = 'UnknownMerchantError';
  constructor(readonly merchantId: string) {
    super('not found', `merchant ${merchantId} does not exist`);
  }
}

// PostgreSQL's foreign_key_violation: every merchant-scoped table references merchants(id).
const FOREIGN_KEY_VIOLATION = '23503';

/** Runs a write scoped to `merchantId`; a merchant that does not exist becomes an UnknownMerchantError. */
export async function scopedToMerchant<T>(merchantId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) throw new UnknownMerchantError(merchantId);
    throw err;
  }
}

// PostgreSQL's unique_violation.
const UNIQUE_VIOLATION = '23505';

/**
 * Runs the insert of a new `what` (`merchant acme`) read as absent a moment before; one created meanwhile by a
 * concurrent request becomes a conflict, so neither request overwrites the other.
 */
export async function insertedOnce<T>(what: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new OperationError('conflict', `${what} was added meanwhile by another request`);
    }
    throw err;
  }
}
