/**
 * The stable Admin API versions the simulator serves, oldest first: the four Shopify supports on 2026-12-04 (a
 * version each quarter, each supported for 12 months). A constant rather than a function of today's date, so tests
 * behave the same on any day; move it on when Shopify retires a version.
 */
export const SUPPORTED_API_VERSIONS = ['2026-01', '2026-04', '2026-07', '2026-10'] as const;

export type ApiVersion = (typeof SUPPORTED_API_VERSIONS)[number];

export const OLDEST_API_VERSION: ApiVersion = SUPPORTED_API_VERSIONS[0];
export const NEWEST_API_VERSION: ApiVersion = SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1]!;

const STABLE_VERSION = /^\d{4}-(01|04|07|10)$/;

/**
 * The version that answers a request for `requested`, as Shopify decides it: a supported version answers itself; a
 * stable version that has expired falls forward to the oldest supported one; anything else (a month Shopify never
 * released in, a version not out yet, a typo) is undefined, and the request gets 404.
 */
export function servedApiVersion(requested: string): ApiVersion | undefined {
  const supported = SUPPORTED_API_VERSIONS.find((version) => version === requested);
  if (supported) return supported;
  return STABLE_VERSION.test(requested) && requested < OLDEST_API_VERSION ? OLDEST_API_VERSION : undefined;
}

/** Versions before 2026-04 still take `compareQuantity` and `ignoreCompareQuantity` and need no idempotency key. */
export const hasLegacyInventoryInput = (version: ApiVersion): boolean => version < '2026-04';
