// No imports: the EasyPost client names its failures from here without depending on Temporal.

/**
 * Every `ApplicationFailure` type an activity throws, and every type the order workflow records in `lastError`. The
 * values are in saved histories and in the orders index (`last_error_type`): never change one.
 */
export const OrderFailure = {
  /** EasyPost lacks stock for a line: the order goes on hold. */
  InsufficientInventory: 'InsufficientInventory',
  /** The order cannot be sent as it is (address, unknown SKU or barcode, ship method): it goes to error. */
  InvalidOrder: 'InvalidOrder',
  /** EasyPost refused the merchant's key: error until an operator fixes the key and retries. */
  AuthFailed: 'AuthFailed',
  /** EasyPost will not cancel: already picked or shipped. */
  CancelRefused: 'CancelRefused',
  /** Recorded by the workflow: EasyPost could not be asked to cancel; the order stays where it was. */
  CancelFailed: 'CancelFailed',
  /** Recorded by the workflow: the cart refused tracking, or stayed down; `retryNow` pushes again. */
  TrackingPushFailed: 'TrackingPushFailed',
  /** An earlier create may still commit at EasyPost: retried once it has settled. */
  EasyPostCreateSettling: 'EasyPostCreateSettling',
  /** A cart's business refusal (unknown order, order closed, ...): retrying will not help. */
  CartRefused: 'CartRefused',
  /** A cart refused our credentials (401/403): a person must fix them (a `cart_auth_failed` exception). */
  CartAuthFailed: 'CartAuthFailed',
  /** A pull for a cart that is not in PostgreSQL (deleted while its schedule ran). */
  UnknownCart: 'UnknownCart',
  // The EasyPost client's error kinds, one each, for the failures that are not an order's business outcome above.
  EasyPostInsufficientInventory: 'EasyPostInsufficientInventory',
  EasyPostInvalidData: 'EasyPostInvalidData',
  EasyPostAuth: 'EasyPostAuth',
  EasyPostNotFound: 'EasyPostNotFound',
  EasyPostCancelRefused: 'EasyPostCancelRefused',
  EasyPostRateLimited: 'EasyPostRateLimited',
  EasyPostTransient: 'EasyPostTransient',
  EasyPostLookupInconclusive: 'EasyPostLookupInconclusive',
} as const;

export type OrderFailure = (typeof OrderFailure)[keyof typeof OrderFailure];
