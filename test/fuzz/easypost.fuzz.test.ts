import fc from 'fast-check';
import { createEasyPostClient, createOrderIdempotently, EasyPostError, type EasyPostClient } from '../../src/easypost';
import { mutationsOf, nastyJson } from './json-mutations';
import { fuzzParams, fuzzTimeout } from './runs';
import { collectUnhandledRejections } from './unhandled-rejections';

// Boundary 2: EasyPost's answers. Whatever status, headers and body come back, or however fetch fails, every client
// call answers with parsed data or throws EasyPostError with one of its kinds: never a TypeError or a RangeError.

collectUnhandledRejections();

const KINDS = [
  'insufficient_inventory',
  'invalid_data',
  'auth',
  'not_found',
  'cancel_refused',
  'rate_limited',
  'transient',
  'lookup_inconclusive',
];

const order = {
  id: 'order_1',
  created_at: 1704067200,
  updated_at: '2024-01-01T00:00:00Z',
  status: 'shipped',
  description: 'epf:order:acme-shop:1',
  destination: { name: 'Ada', street1: '1 Main St', city: 'Portland', zip: '97201', country: 'US' },
  line_items: [{ product: { id: 'prod_1', barcode: 'TOTE' }, units: 2 }],
  picks: [
    {
      id: 'pick_1',
      tracker: { id: 'trk_1', tracking_code: '1Z', carrier: 'UPS', status: 'in_transit', tracking_details: [] },
      inventories: [{ product: { id: 'prod_1' } }, { product: { barcode: 'TOTE' } }],
    },
  ],
  trackers: [{ id: 'trk_2', updated_at: 1704067300, est_delivery_date: '2024-01-03' }],
  fees: [{ id: 'fee_1', amount: 1.5, disabled_at: null }],
};
const VALID_BODIES = [
  order,
  { orders: [order] },
  { warehouses: [{ id: 'wh_1', name: 'El Monte', disabled_at: 1704067200 }] },
  { products: [{ id: 'prod_1', barcode: 'TOTE', weight: { value: 1, unit: 'oz' } }] },
  { inventories: [{ product_id: 'prod_1', warehouse: { id: 'wh_1' }, quantity: 3 }] },
  { errors: { code: 'ORDER.INSUFFICIENT_INVENTORY', field: 'line_items', errors: [{ code: 'X', field: 'units' }] } },
  { error: { code: 'ORDER.NOT_CANCELLABLE', message: 'already picked' } },
];

const body = fc.oneof(
  ...VALID_BODIES.map((valid) => mutationsOf(valid).map((value) => JSON.stringify(value))),
  nastyJson.map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
);
const retryAfter = fc.oneof(
  fc.constantFrom('', '2', '-1', '0.5', '1e400', 'NaN', '99999999999999999999', 'Wed, 21 Oct 2015 07:28:00 GMT'),
  fc.stringMatching(/^[ -~]{0,30}$/),
);
// 2xx most of the time, so the bodies get read as answers, not only as errors.
const status = fc.oneof(fc.integer({ min: 200, max: 206 }), fc.integer({ min: 200, max: 599 }));
// What a failing fetch may reject with: errors with and without codes, timeouts, and values that are no Error.
const networkFailure = fc.oneof(
  fc
    .constantFrom('ECONNRESET', 'ECONNREFUSED', 'UND_ERR_SOCKET')
    .map((code) => new TypeError('fetch failed', { cause: { code } })),
  fc.constant(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
  fc.anything({ withNullPrototype: true, withBoxedValues: true }),
);

// Statuses that carry no body by definition: the Response constructor refuses one.
const NULL_BODY = [204, 205, 304];

const CALLS: [string, (client: EasyPostClient) => Promise<unknown>][] = [
  [
    'createOrder',
    (client) => client.createOrder({ service: 'ground', destination: order.destination, line_items: [] }),
  ],
  ['getOrder', (client) => client.getOrder('order_1')],
  ['listOrders', (client) => client.listOrders({ page: 0 })],
  ['cancelOrder', (client) => client.cancelOrder('order_1')],
  ['listWarehouses', (client) => client.listWarehouses()],
  ['listProducts', (client) => client.listProducts({ page: 0 })],
  ['getInventories', (client) => client.getInventories(['prod_1', 'prod_2'], { includes: ['warehouse'] })],
  ['listShipments', (client) => client.listShipments('order_1')],
  ['shipmentsSince', (client) => client.shipmentsSince(new Date('2024-01-01T00:00:00Z'))],
  [
    'createOrderIdempotently',
    (client) =>
      createOrderIdempotently(
        client,
        { service: 'ground', destination: order.destination, line_items: [] },
        { marker: 'epf:order:acme-shop:1', checkExistingFirst: true },
      ),
  ],
];

/** The call's outcome: fine when it answered or threw a classified EasyPostError. */
async function expectClassified(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(EasyPostError);
    const error = err as EasyPostError;
    expect(KINDS).toContain(error.kind);
    expect(error.failureType).toEqual(expect.any(String));
    expect(error.message).toEqual(expect.any(String));
    return err;
  }
}

describe('EasyPost client answers', () => {
  it(
    'parses every answer or throws EasyPostError with a kind',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CALLS), status, retryAfter, body, async ([, call], code, after, text) => {
          const content = NULL_BODY.includes(code) ? null : text;
          const fetch = (async () =>
            new Response(content, { status: code, headers: { 'retry-after': after } })) as typeof globalThis.fetch;
          const error = await expectClassified(() => call(createEasyPostClient({ apiKey: 'EZTKfuzz', fetch })));
          if (code >= 300) expect(error).toMatchObject({ status: code });
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(2),
  );

  it(
    'classifies every failed fetch as transient',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CALLS), networkFailure, async ([, call], failure) => {
          const fetch = (() => Promise.reject(failure)) as typeof globalThis.fetch;
          const error = await expectClassified(() => call(createEasyPostClient({ apiKey: 'EZTKfuzz', fetch })));
          expect(error).toMatchObject({ kind: 'transient' });
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(1),
  );

  it(
    'classifies a body that breaks off mid-read as transient',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...CALLS), status, body, async ([, call], code, text) => {
          const stream = new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(text.slice(0, text.length / 2)));
              controller.error(new TypeError('terminated', { cause: { code: 'ECONNRESET' } }));
            },
          });
          const content = NULL_BODY.includes(code) ? null : stream;
          const fetch = (async () => new Response(content, { status: code })) as typeof globalThis.fetch;
          await expectClassified(() => call(createEasyPostClient({ apiKey: 'EZTKfuzz', fetch })));
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(1),
  );
});
