import type { CartFailure } from '../../../src/db/cart-failures';
import { CART_FAILURES_BEFORE_EXCEPTION, cartFailureExceptions } from '../../../src/exceptions/cart-failures';

const failure = (overrides: Partial<CartFailure> = {}): CartFailure => ({
  cartId: 'acme-shop',
  merchantId: 'acme',
  cartType: 'shopify',
  cartName: 'Acme Shopify',
  operation: 'pull',
  consecutive: 1,
  auth: false,
  lastError: 'HTTP 503',
  firstFailedAt: new Date('2026-12-01T10:00:00Z'),
  lastFailedAt: new Date('2026-12-01T10:20:00Z'),
  ...overrides,
});

describe('cartFailureExceptions', () => {
  it('makes a refused credential an exception at its first failure, with the command that replaces it', () => {
    expect(
      cartFailureExceptions([failure({ auth: true, operation: 'inventory_push', lastError: 'HTTP 401' })]),
    ).toEqual([
      {
        key: 'cart_auth_failed:acme-shop:inventory_push:2026-12-01T10:00:00.000Z',
        kind: 'cart_auth_failed',
        merchantId: 'acme',
        cartId: 'acme-shop',
        since: '2026-12-01T10:00:00.000Z',
        reason: "the shopify cart acme-shop refused epf's credentials on its stock push: HTTP 401",
        fix:
          "epf carts add acme-shop --merchant acme --type shopify --name 'Acme Shopify' " +
          '--credentials-file <new credentials.json>, then epf schedules trigger inventory-push:acme-shop',
      },
    ]);
  });

  it('names a failing webhook check as such and retries it through the pull that runs it', () => {
    const [exception] = cartFailureExceptions([
      failure({ operation: 'webhook', consecutive: CART_FAILURES_BEFORE_EXCEPTION }),
    ]);
    expect(exception).toMatchObject({
      kind: 'cart_failing',
      key: 'cart_failing:acme-shop:webhook:2026-12-01T10:00:00.000Z',
      reason: `${CART_FAILURES_BEFORE_EXCEPTION} webhook registration attempts of cart acme-shop failed in a row: HTTP 503`,
      fix: expect.stringMatching(/then epf schedules trigger pull:acme-shop$/),
    });
  });

  it('waits for enough failures in a row before other failures need a person', () => {
    expect(cartFailureExceptions([failure({ consecutive: CART_FAILURES_BEFORE_EXCEPTION - 1 })])).toEqual([]);
    expect(cartFailureExceptions([failure({ consecutive: CART_FAILURES_BEFORE_EXCEPTION })])).toEqual([
      expect.objectContaining({
        kind: 'cart_failing',
        reason: `${CART_FAILURES_BEFORE_EXCEPTION} order pull attempts of cart acme-shop failed in a row: HTTP 503`,
        fix: 'check that the shopify store answers (its URL, its status page), then epf schedules trigger pull:acme-shop',
      }),
    ]);
  });
});
