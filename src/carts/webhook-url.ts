/**
 * Where a cart's webhooks deliver: `POST <PUBLIC_API_URL>webhooks/carts/<cartId>/<cart type>` (src/api/cart-webhooks/).
 * The base keeps its own path, so an API behind a proxy prefix (`https://example.com/epf/`) works.
 */
export function cartWebhookUrl(publicApiUrl: string, cart: { id: string; type: string }): string {
  const base = publicApiUrl.endsWith('/') ? publicApiUrl : `${publicApiUrl}/`;
  return new URL(`webhooks/carts/${encodeURIComponent(cart.id)}/${encodeURIComponent(cart.type)}`, base).toString();
}
