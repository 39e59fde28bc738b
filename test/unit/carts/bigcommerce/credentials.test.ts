import { bigCommerceCredentialsSchema } from '../../../../src/carts/bigcommerce';

describe('BigCommerce credentials', () => {
  const token = { storeHash: 'abc123', accessToken: 'token' };

  it("defaults to BigCommerce's API, the default location and Awaiting Fulfillment", () => {
    expect(bigCommerceCredentialsSchema.parse(token)).toEqual({
      ...token,
      apiUrl: 'https://api.bigcommerce.com',
      locationId: 1,
      orderStatusIds: [11],
    });
  });

  it('refuses plain http except on loopback (the simulator), a bad store hash and Cancelled as a status to ship', () => {
    const parse = (extra: object) => bigCommerceCredentialsSchema.safeParse({ ...token, ...extra });
    expect(parse({ apiUrl: 'http://api.example.com' }).success).toBe(false);
    expect(parse({ apiUrl: 'http://127.0.0.1:4013/' }).data?.apiUrl).toBe('http://127.0.0.1:4013');
    expect(parse({ storeHash: 'stores/abc' }).success).toBe(false);
    expect(parse({ accessToken: ' ' }).success).toBe(false);
    const cancelled = parse({ orderStatusIds: [11, 5] });
    expect(cancelled.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['orderStatusIds']);
  });
});
