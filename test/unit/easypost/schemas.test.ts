import {
  errorBodySchema,
  inventoryRowSchema,
  orderEventSchema,
  orderSchema,
  trackerSchema,
} from '../../../src/easypost/schemas';
import { timestamp } from '../../../src/easypost/timestamp';

// The order example of docs/easypost-api.md §4, trimmed.
const order = {
  id: 'order_b1e95719f84a4fe6a56e57a9177b5e08',
  object: 'Order',
  mode: 'test',
  created_at: 1561939200,
  updated_at: 1562025600,
  status: 'shipped',
  service: 'standard',
  description: 'PO#12345 epf:order:shop1:1001',
  warehouse_id: 'wh_d2928d2c96254f55988ce064e8b87ea2',
  destination: { id: 'adr_1', name: 'John Doe', street1: '417 Montgomery St', city: 'SF', zip: '94104', country: 'US' },
  line_items: [{ id: 'li_1', product: { id: 'prod_1', title: 'Mouse', barcode: '0123456789012' }, units: 2 }],
  picks: [
    {
      id: 'pick_1',
      created_at: 1561990000,
      updated_at: 1562025600,
      tracker: { id: 'trk_1', tracking_code: '9400', carrier: 'USPS', status: 'pre_transit', public_url: 'https://t' },
      inventories: [
        { id: 'inv_1', product: { id: 'prod_1', barcode: '0123456789012' } },
        { id: 'inv_2', product: { id: 'prod_1', barcode: '0123456789012' } },
      ],
    },
  ],
  trackers: [{ id: 'trk_1', tracking_code: '9400', carrier: 'USPS', status: 'pre_transit' }],
  fees: [{ id: 'fee_1', type: 'fulfillment', amount: '3.50000', charged: true, refunded: false, disabled_at: null }],
  returns: [],
};

describe('timestamp', () => {
  it.each([
    [1561939200, '2019-07-01T00:00:00.000Z'],
    ['1561939200', '2019-07-01T00:00:00.000Z'],
    [1561939200123, '2019-07-01T00:00:00.123Z'],
    ['2019-07-02T12:00:00Z', '2019-07-02T12:00:00.000Z'],
    ['2019-07-02T14:00:00+02:00', '2019-07-02T12:00:00.000Z'],
  ])('reads %p', (input, iso) => {
    expect(timestamp.parse(input)).toBe(iso);
  });
  it('rejects what is no time', () => {
    expect(timestamp.safeParse('yesterday').success).toBe(false);
    expect(timestamp.safeParse(true).success).toBe(false);
  });

  // Found by test/fuzz/easypost.fuzz.test.ts: finite but outside the Date range, toISOString threw a RangeError out
  // of safeParse, past the client's classification (and a 500 from the webhook route).
  it('rejects a number beyond the Date range instead of throwing', () => {
    expect(timestamp.safeParse(1e20).success).toBe(false);
    expect(timestamp.safeParse('99999999999999999999').success).toBe(false);
  });
});

describe('orderSchema', () => {
  it('parses the documented order and normalises timestamps', () => {
    const parsed = orderSchema.parse(order);
    expect(parsed.created_at).toBe('2019-07-01T00:00:00.000Z');
    expect(parsed.picks[0]?.tracker?.tracking_code).toBe('9400');
    expect(parsed.fees[0]?.amount).toBe('3.50000');
  });

  it('keeps unknown statuses and tolerates missing optional lists', () => {
    const { picks: _p, trackers: _t, fees: _f, line_items: _l, ...bare } = order;
    const parsed = orderSchema.parse({ ...bare, status: 'on_fire', created_at: '2019-07-01T00:00:00Z' });
    expect(parsed).toMatchObject({ status: 'on_fire', picks: [], trackers: [], fees: [], line_items: [] });
  });

  it('accepts a numeric fee amount as its string', () => {
    const parsed = orderSchema.parse({ ...order, fees: [{ id: 'fee_1', amount: 3.5 }] });
    expect(parsed.fees[0]?.amount).toBe('3.5');
  });

  it('rejects an order without an id', () => {
    const { id: _id, ...noId } = order;
    expect(orderSchema.safeParse(noId).success).toBe(false);
  });
});

describe('trackerSchema', () => {
  it('defaults an absent status to unknown and reads ISO details', () => {
    const parsed = trackerSchema.parse({
      id: 'trk_1',
      tracking_details: [{ message: 'Arrived', status: 'in_transit', datetime: '2019-07-03T08:10:00Z' }],
    });
    expect(parsed.status).toBe('unknown');
    expect(parsed.tracking_details[0]?.datetime).toBe('2019-07-03T08:10:00.000Z');
  });
});

describe('inventoryRowSchema', () => {
  it('normalises both id and embedded shapes', () => {
    expect(inventoryRowSchema.parse({ product_id: 'prod_1', warehouse_id: 'wh_1', quantity: 3 })).toMatchObject({
      product_id: 'prod_1',
      warehouse_id: 'wh_1',
      quantity: 3,
    });
    const embedded = inventoryRowSchema.parse({
      product: { id: 'prod_1', barcode: '012' },
      warehouse: { id: 'wh_1', name: 'El Monte' },
      quantity: 0,
    });
    expect(embedded).toMatchObject({ product_id: 'prod_1', warehouse_id: 'wh_1', product: { barcode: '012' } });
  });
  it('rejects a row that names no warehouse', () => {
    expect(inventoryRowSchema.safeParse({ product_id: 'prod_1', quantity: 3 }).success).toBe(false);
  });
});

describe('errorBodySchema', () => {
  it('prefers `errors` and falls back to `error`', () => {
    expect(errorBodySchema.parse({ errors: { code: 'A' }, error: { code: 'B' } })?.code).toBe('A');
    expect(errorBodySchema.parse({ error: { code: 'B', message: 'm' } })?.code).toBe('B');
    expect(errorBodySchema.parse({})).toBeUndefined();
  });
  it('ignores a malformed nested list instead of losing the code', () => {
    expect(errorBodySchema.parse({ errors: { code: 'A', errors: 'oops' } })).toMatchObject({ code: 'A', errors: [] });
  });
});

describe('orderEventSchema', () => {
  it('parses the webhook envelope with ISO timestamps and the order result', () => {
    const event = orderEventSchema.parse({
      id: 'evt_1',
      object: 'Event',
      mode: 'production',
      description: 'fulfillment.order.updated',
      created_at: '2019-07-02T12:00:00Z',
      previous_attributes: { status: 'picked' },
      result: order,
    });
    expect(event.result.status).toBe('shipped');
    expect(event.created_at).toBe('2019-07-02T12:00:00.000Z');
  });
});
