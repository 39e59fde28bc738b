/**
 * Where a cart's webhooks point: `<PUBLIC_API_URL>webhooks/carts/<cartId>`, each cart type appending its own tail
 * (src/api/cart-webhooks/). A PUBLIC_API_URL given without its trailing slash still keeps its last path segment.
 */
export function cartWebhookBaseUrl(publicApiUrl: string, cartId: string): string {
  const base = publicApiUrl.endsWith('/') ? publicApiUrl : `${publicApiUrl}/`;
  return `${base}webhooks/carts/${encodeURIComponent(cartId)}`;
}
