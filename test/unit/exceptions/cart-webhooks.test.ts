import type { CartWebhookProblem } from '../../../src/db/cart-webhooks';
import { cartWebhookExceptions } from '../../../src/exceptions/cart-webhooks';

const problem = (overrides: Partial<CartWebhookProblem> = {}): CartWebhookProblem => ({
  cartId: 'acme-woo',
  merchantId: 'acme',
  cartType: 'woocommerce',
  ...overrides,
});

describe('cartWebhookExceptions', () => {
  it('raises a webhook the cart disabled, naming it, with the command that checks it again', () => {
    const [exception, ...rest] = cartWebhookExceptions([
      problem({
        disabled: { foundAt: new Date('2026-12-01T10:00:00Z'), detail: 'order.created (webhook 12)' },
      }),
    ]);
    expect(rest).toEqual([]);
    expect(exception).toMatchObject({
      key: 'cart_webhook_disabled:acme-woo:2026-12-01T10:00:00.000Z',
      kind: 'cart_webhook_disabled',
      merchantId: 'acme',
      cartId: 'acme-woo',
      since: '2026-12-01T10:00:00.000Z',
    });
    expect(exception?.reason).toContain('order.created (webhook 12)');
    expect(exception?.fix).toContain('PUBLIC_API_URL');
    expect(exception?.fix).toMatch(/epf schedules trigger pull:acme-woo$/);
  });

  it('raises a registration that keeps failing, from when it began', () => {
    const since = new Date('2026-12-01T09:00:00Z');
    expect(cartWebhookExceptions([problem({ failing: { since, error: 'WooCommerce answered 401' } })])).toEqual([
      expect.objectContaining({
        key: 'cart_webhook_failing:acme-woo:2026-12-01T09:00:00.000Z',
        kind: 'cart_webhook_failing',
        reason: 'epf cannot register the webhooks of the woocommerce cart acme-woo: WooCommerce answered 401',
      }),
    ]);
  });

  it('raises nothing for a cart whose webhooks are well', () => {
    expect(cartWebhookExceptions([problem()])).toEqual([]);
  });
});
