import { wooCommerceCredentialsSchema } from '../../../../src/carts/woocommerce';

describe('WooCommerce credentials', () => {
  const keys = { consumerKey: 'ck_1', consumerSecret: 'cs_1' };

  it('takes an https store URL and drops a trailing slash', () => {
    expect(wooCommerceCredentialsSchema.parse({ siteUrl: 'https://shop.example.com/', ...keys }).siteUrl).toBe(
      'https://shop.example.com',
    );
  });

  it('refuses plain http except on loopback (the simulator), and missing keys', () => {
    expect(wooCommerceCredentialsSchema.safeParse({ siteUrl: 'http://shop.example.com', ...keys }).success).toBe(false);
    expect(
      wooCommerceCredentialsSchema.safeParse({ siteUrl: 'http://127.0.0.1:4012/sites/demo', ...keys }).success,
    ).toBe(true);
    expect(
      wooCommerceCredentialsSchema.safeParse({ siteUrl: 'https://shop.example.com', consumerKey: '' }).success,
    ).toBe(false);
  });
});
