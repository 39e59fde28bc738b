/**
 * What Shopify's response headers say about the API version a cart uses: the version that answered when it is not the
 * one asked for (Shopify serves an unsupported version with the oldest supported one) and the deprecations a request
 * used. Either means the cart's `apiVersion` or epf's documents need a person before Shopify drops what they rely on.
 */
export interface ShopifyApiNotice {
  operation: string;
  requestedVersion: string;
  /** `X-Shopify-API-Version`, when it names another version than the one asked for. */
  servedVersion?: string;
  /** `X-Shopify-API-Deprecated-Reason`: the deprecated fields used (from 2025-04) or a link. */
  deprecatedReason?: string;
}

/** The notice a response carries, or undefined when it says nothing worth a warning. */
export function apiNoticeOf(
  headers: Headers,
  operation: string,
  requestedVersion: string,
): ShopifyApiNotice | undefined {
  const served = headers.get('x-shopify-api-version') ?? undefined;
  const deprecatedReason = headers.get('x-shopify-api-deprecated-reason') ?? undefined;
  const servedVersion = served !== undefined && served !== requestedVersion ? served : undefined;
  if (servedVersion === undefined && deprecatedReason === undefined) return undefined;
  return {
    operation,
    requestedVersion,
    ...(servedVersion !== undefined ? { servedVersion } : {}),
    ...(deprecatedReason !== undefined ? { deprecatedReason } : {}),
  };
}
