import type { CartApiNotice } from '../../../src/db/cart-api-notices';
import type { Cart } from '../../../src/db/carts';
import { cartApiNoticeExceptions } from '../../../src/exceptions/cart-api-notices';
import { cartSettingsSchema } from '../../../src/domain/merchant-settings';

const cart = (apiVersion?: string): Cart => ({
  id: 'acme-shop',
  merchantId: 'acme',
  type: 'shopify',
  name: 'Acme',
  settings: cartSettingsSchema.parse(apiVersion ? { apiVersion } : {}),
});

const notice = (overrides: Partial<CartApiNotice> = {}): CartApiNotice => ({
  cartId: 'acme-shop',
  merchantId: 'acme',
  operation: 'InventorySetQuantities',
  requestedVersion: '2026-10',
  deprecatedReason: 'InventoryQuantityInput.changeFromQuantity',
  firstSeenAt: new Date('2026-12-01T10:00:00Z'),
  lastSeenAt: new Date('2026-12-04T10:00:00Z'),
  ...overrides,
});

describe('cartApiNoticeExceptions', () => {
  it('names the deprecated fields, the operation and the version, keyed by when it began', () => {
    expect(cartApiNoticeExceptions([notice()], [cart()])).toEqual([
      {
        key: 'cart_api_deprecated:acme-shop:2026-10::InventoryQuantityInput.changeFromQuantity:2026-12-01T10:00:00.000Z',
        kind: 'cart_api_deprecated',
        merchantId: 'acme',
        since: '2026-12-01T10:00:00.000Z',
        reason:
          'Cart acme-shop uses Shopify API fields deprecated in 2026-10: InventoryQuantityInput.changeFromQuantity ' +
          '(InventorySetQuantities); a later version removes them',
        fix: expect.stringMatching(/^upgrade epf .* InventoryQuantityInput\.changeFromQuantity/),
      },
    ]);
  });

  it('drops notices for a version the cart no longer asks for, or for a cart that is gone', () => {
    const expired = notice({ requestedVersion: '2025-10', servedVersion: '2026-01', deprecatedReason: undefined });
    expect(cartApiNoticeExceptions([expired], [cart('2025-10')])[0]!.fix).toBe(
      'epf carts set acme-shop --api-version 2026-10',
    );
    expect(cartApiNoticeExceptions([expired], [cart('2026-07')])).toEqual([]);
    expect(cartApiNoticeExceptions([expired], [])).toEqual([]);
  });
});
