import { CartRefusal } from '../adapter';

/**
 * The store did not answer usefully (5xx, 429, reset, timeout, a body that is not JSON): retrying may help.
 * `retryAfterMs` is the wait BigCommerce asked for (`X-Rate-Limit-Time-Reset-Ms` on a 429), for the activity's retry.
 */
export class BigCommerceUnavailable extends Error {
  override readonly name = 'BigCommerceUnavailable';

  constructor(
    message: string,
    readonly retryAfterMs?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The store refused a request (4xx other than 429): the HTTP status and BigCommerce's message say why. */
export class BigCommerceRefusal extends CartRefusal {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`BigCommerce answered ${status}: ${message}`);
  }
}
