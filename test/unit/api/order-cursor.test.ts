import { orderCursor, orderCursorSchema } from '../../../src/api/order-cursor';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe("GET /orders' cursor", () => {
  it('reads back the position it was made of', () => {
    const position = { updatedMicros: '1796410316002123', cartId: 'acme-shop', cartOrderId: '#1001' };
    expect(orderCursorSchema.parse(orderCursor(position))).toEqual(position);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['a timestamp PostgreSQL cannot take', encode(['9'.repeat(19), 'c', 'o'])],
    ['a key with NUL', encode(['1', 'c\u0000', 'o'])],
    ['another shape', encode({ updatedMicros: '1', cartId: 'c', cartOrderId: 'o' })],
  ])('refuses %s', (_name, cursor) => {
    expect(orderCursorSchema.safeParse(cursor).success).toBe(false);
  });
});
