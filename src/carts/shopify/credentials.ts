import { z } from 'zod';

/**
 * What a Shopify cart stores (encrypted): the shop's URL, the app's offline token, our service's location and, for
 * fulfillment-service callbacks, the app's client secret. The API version is a cart setting (`apiVersion`), not a
 * credential; an `apiVersion` kept here by an older epf is ignored.
 */
export const shopifyCredentialsSchema = z.object({
  /** `https://<shop>.myshopify.com` (the simulator: `http://127.0.0.1:<port>/shops/<id>`). */
  shopUrl: z.url(),
  accessToken: z.string().min(1),
  /** The fulfillment service's location, `gid://shopify/Location/<n>`. */
  locationId: z.string().min(1),
  /**
   * The app's client secret: Shopify signs its callbacks with it (`X-Shopify-Hmac-Sha256`). Without it epf registers
   * no callback URL and the interval pulls alone bring orders.
   */
  clientSecret: z.string().min(1).optional(),
});

export type ShopifyCredentials = z.output<typeof shopifyCredentialsSchema>;

/** Validates stored credentials; the error names fields only, never their values. */
export function parseShopifyCredentials(input: unknown): ShopifyCredentials {
  const result = shopifyCredentialsSchema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => issue.path.join('.') || 'credentials');
  throw new Error(`Shopify credentials are invalid: ${[...new Set(fields)].join(', ')}`);
}
