import { ApplicationFailure } from '@temporalio/activity';
import { EasyPostError } from '../src/easypost';
import { OrderFailure } from '../workflows/definitions';

const BUSINESS_FAILURE: Partial<Record<EasyPostError['kind'], OrderFailure>> = {
  insufficient_inventory: OrderFailure.InsufficientInventory,
  invalid_data: OrderFailure.InvalidOrder,
  not_found: OrderFailure.InvalidOrder,
  auth: OrderFailure.AuthFailed,
  cancel_refused: OrderFailure.CancelRefused,
};

/**
 * Turns an EasyPost error into what Temporal acts on: business rejections become non-retryable failures the
 * workflow turns into states; transient ones stay retryable, honouring Retry-After.
 */
export function toActivityFailure(err: unknown): unknown {
  if (!(err instanceof EasyPostError)) return err;
  const details = [{ kind: err.kind, code: err.code, field: err.field, status: err.status }];
  const businessType = BUSINESS_FAILURE[err.kind];
  if (businessType) return ApplicationFailure.nonRetryable(err.message, businessType, ...details);
  // A lookup that could not read far enough fails the same way again: the order goes to error, never sent twice.
  if (!err.retryable) return ApplicationFailure.nonRetryable(err.message, err.failureType, ...details);
  return ApplicationFailure.create({
    message: err.message,
    type: err.failureType,
    details,
    nextRetryDelay: err.retryAfterMs,
  });
}
