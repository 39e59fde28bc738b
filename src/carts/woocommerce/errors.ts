import { CartRefusal } from '../adapter';

/**
 * The store did not answer usefully (5xx, 429, reset, timeout, a body that is not JSON): retrying may help.
 * `retryAfterMs` is the store's Retry-After, for an activity to use as its next retry delay.
 */
export class WooCommerceUnavailable extends Error {
  override readonly name = 'WooCommerceUnavailable';

  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The store refused a request (4xx): WordPress's error `code` and the HTTP status say why. */
export class WooCommerceRefusal extends CartRefusal {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`WooCommerce answered ${status} ${code}: ${message}`);
  }
}
