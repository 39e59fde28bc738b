import {
  cartOrderSchema,
  describeProblems,
  orderWorkflowId,
  parseCartOrder,
  parseOrderWorkflowId,
} from '../../../src/domain/order';
import { fieldPath } from '../../../src/domain/problems';
import { cartOrder } from './fixtures';

describe('parseCartOrder', () => {
  it('accepts a valid order and trims text fields', () => {
    const input = cartOrder();
    const result = parseCartOrder({
      ...input,
      shipTo: { ...input.shipTo, zip: ' 97201 ', country: 'us' },
      lines: [{ lineId: '1', sku: '  TEE  ', quantity: 1 }],
    });
    expect(result).toEqual({
      ok: true,
      order: {
        ...input,
        shipTo: { ...input.shipTo, zip: '97201', country: 'US' },
        lines: [{ lineId: '1', sku: 'TEE', quantity: 1 }],
      },
    });
  });

  it('names every bad field in dotted and bracket notation, in plain words', () => {
    const input = cartOrder();
    const result = parseCartOrder({
      ...input,
      shipTo: { ...input.shipTo, zip: '  ', country: 'USA', email: 'not-an-email', street1: undefined },
      lines: [input.lines[0], { lineId: '2', sku: 'MUG', quantity: 0 }, { lineId: '3', quantity: 1 }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.fromEntries(result.problems.map((p) => [p.field, p.message]))).toEqual({
      'shipTo.street1': 'required',
      'shipTo.zip': 'must not be empty',
      'shipTo.country': 'must be a two-letter ISO country code, e.g. US',
      'shipTo.email': 'must be an email address',
      'lines[1].quantity': expect.stringMatching(/>0|positive/i),
      'lines[2].sku': 'required',
    });
  });

  it('rejects an order without lines, bad slugs and a placedAt that is not a timestamp', () => {
    const result = parseCartOrder({ ...cartOrder(), lines: [], cartId: 'Acme:Shop', placedAt: 'yesterday' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['cartId', 'lines', 'placedAt']);
    expect(result.problems.find((p) => p.field === 'lines')?.message).toBe('must have at least one entry');
  });

  it('accepts UTC and offset timestamps', () => {
    for (const placedAt of ['2027-11-07T08:00:00Z', '2027-11-07T01:00:00.123-07:00']) {
      expect(parseCartOrder({ ...cartOrder(), placedAt }).ok).toBe(true);
    }
  });

  it('explains input that is not an object at all', () => {
    expect(parseCartOrder(null)).toEqual({ ok: false, problems: [{ field: '', message: expect.any(String) }] });
  });

  it('is the schema the workflow input type comes from', () => {
    expect(cartOrderSchema.parse(cartOrder())).toEqual(cartOrder());
  });
});

describe('describeProblems', () => {
  it('joins problems on one line', () => {
    expect(
      describeProblems([
        { field: 'shipTo.zip', message: 'required' },
        { field: 'lines[2].sku', message: 'unknown SKU "X":\nadd an alias' },
        { field: '', message: 'not an object' },
      ]),
    ).toBe('shipTo.zip: required; lines[2].sku: unknown SKU "X": add an alias; not an object');
  });
});

describe('fieldPath', () => {
  it.each([
    [[], ''],
    [['shipTo', 'zip'], 'shipTo.zip'],
    [['lines', 2, 'sku'], 'lines[2].sku'],
    [[0, 'a'], '[0].a'],
  ])('%j → %s', (path, expected) => {
    expect(fieldPath(path)).toBe(expected);
  });
});

describe('orderWorkflowId', () => {
  it('is readable and keeps colons and spaces in the cart order ID', () => {
    expect(orderWorkflowId('acme-shopify', '1001')).toBe('order:acme-shopify:1001');
    expect(orderWorkflowId('woo', 'gid://x/Order 7')).toBe('order:woo:gid://x/Order 7');
  });

  it('is injective: the cart ID ends at the first colon after the prefix', () => {
    const pairs = [
      ['a', 'b:c'],
      ['a-b', 'c'],
      ['a', 'b-c'],
    ] as const;
    const ids = pairs.map(([cart, order]) => orderWorkflowId(cart, order));
    expect(new Set(ids).size).toBe(pairs.length);
    for (const id of ids) {
      const [, cartId, ...rest] = id.split(':');
      expect(pairs).toContainEqual([cartId, rest.join(':')]);
    }
  });

  it('refuses a cart ID that is not a slug', () => {
    expect(() => orderWorkflowId('a:b', 'c')).toThrow(RangeError);
  });
});

describe('parseOrderWorkflowId', () => {
  it('reads back the cart and cart order orderWorkflowId was given, colons, spaces and line breaks included', () => {
    for (const [cartId, cartOrderId] of [
      ['acme-shop', '1001'],
      ['woo', 'gid://x/Order 7'],
      ['a', ''],
      ['a', 'b\nc'],
    ] as const) {
      expect(parseOrderWorkflowId(orderWorkflowId(cartId, cartOrderId))).toEqual({ cartId, cartOrderId });
    }
  });

  it.each(['pull:acme-shop', 'order:Acme:1', 'order:acme', 'epf:order:acme:1', ''])('finds no order in %j', (id) => {
    expect(parseOrderWorkflowId(id)).toBeUndefined();
  });
});
