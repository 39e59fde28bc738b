/** Why a Shopify call failed, in the terms an activity's retry policy acts on. */
export type ShopifyErrorKind =
  | 'transient' // 5xx, 429, network, timeout, unreadable answer, throttled for too long: retry
  | 'auth' // 401/403: the token is wrong or revoked; a person must fix it
  | 'request'; // 400/404 or GraphQL errors: our query or the shop URL is wrong; retrying will not help

/** The error the Shopify adapter throws for everything but business refusals (those are CartRefusal). */
export class ShopifyApiError extends Error {
  override readonly name = 'ShopifyApiError';
  readonly retryable: boolean;

  constructor(
    readonly kind: ShopifyErrorKind,
    message: string,
    readonly details: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.retryable = kind === 'transient';
  }

  /** Shopify's Retry-After, where the activities look for every cart's (activities/cart-failure.ts). */
  get retryAfterMs(): number | undefined {
    return this.details.retryAfterMs;
  }
}
