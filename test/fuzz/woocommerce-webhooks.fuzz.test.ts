import fc from 'fast-check';
import { SecretBox } from '../../src/crypto/secret-box';
import { createCartStore } from '../../src/db/carts';
import { createCartWebhookStore } from '../../src/db/cart-webhooks';
import { createMerchantStore } from '../../src/db/merchants';
import { webhookSignature } from '../../src/simulators/woocommerce';
import { TEST_SECRET_KEY } from '../helpers/database';
import { mutationsOf, nastyJson } from './json-mutations';
import { runningApi } from './running-api';
import { fuzzParams, fuzzTimeout } from './runs';

// Boundary 2, webhooks: POST /webhooks/carts/:cartId/woocommerce through a running API. A bad signature is a 401
// whatever the body; a signed body is a 200, a 4xx naming the field, or a 503 (this cart has no pull schedule here);
// nothing is a 500.

const api = runningApi();
const CART = `fuzz-woo-${Date.now()}`;
const PATH = `/webhooks/carts/${CART}/woocommerce`;
let secret = '';

beforeAll(async () => {
  const box = new SecretBox(TEST_SECRET_KEY);
  await createMerchantStore(api.pool, box).upsert({ id: CART, name: 'Fuzz', mode: 'test' });
  await createCartStore(api.pool, box).upsert({ id: CART, merchantId: CART, type: 'woocommerce', name: 'Fuzz' });
  ({ secret } = await createCartWebhookStore(api.pool, box).secret(CART));
});

const order = { id: 1001, status: 'processing', line_items: [{ id: 1, sku: 'SOCK-M', quantity: 1 }] };
const body = fc.oneof(
  mutationsOf(order).map((value) => JSON.stringify(value)),
  nastyJson.map((value) => JSON.stringify(value) ?? ''),
  fc.string({ maxLength: 100 }),
);
const topic = fc.constantFrom('order.created', 'order.updated', 'order.deleted', '');

const post = (text: string, headers: Record<string, string>) =>
  api.send('POST', PATH, { body: text, headers: { 'content-type': 'application/json', ...headers } });

describe('WooCommerce webhooks', () => {
  it('answers a genuine delivery for a cart without a pull schedule 503, saying so', async () => {
    const text = JSON.stringify(order);
    const answer = await post(text, {
      'x-wc-webhook-topic': 'order.created',
      'x-wc-webhook-signature': webhookSignature(text, secret),
    });
    expect(answer).toEqual({ status: 503, body: { error: `cart ${CART} has no pull schedule` } });
  });

  it(
    'answers 401 to every body without a valid signature',
    async () => {
      const signature = fc.oneof(
        fc.stringMatching(/^[ -~]{0,80}$/),
        fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('base64')),
      );
      await fc.assert(
        fc.asyncProperty(body, topic, signature, async (text, name, header) => {
          const answer = await post(text, { 'x-wc-webhook-topic': name, 'x-wc-webhook-signature': header });
          expect(answer.status).toBe(401);
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(5),
  );

  it(
    'answers a signed body with 200, a 4xx naming the field, or 503 for want of a schedule; never a 500',
    async () => {
      await fc.assert(
        fc.asyncProperty(body, topic, async (text, name) => {
          const answer = await post(text, {
            'x-wc-webhook-topic': name,
            'x-wc-webhook-signature': webhookSignature(text, secret),
          });
          expect([200, 400, 503]).toContain(answer.status);
          if (answer.status === 400) expect(answer.body).toMatchObject({ field: expect.stringMatching(/./) });
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(8),
  );
});
