import fc from 'fast-check';
import { SecretBox } from '../../src/crypto/secret-box';
import { createCartStore } from '../../src/db/carts';
import { createCartWebhookStore } from '../../src/db/cart-webhooks';
import { createMerchantStore } from '../../src/db/merchants';
import { shopifyHmac } from '../../src/simulators/shopify/notifications';
import { webhookSignature } from '../../src/simulators/woocommerce';
import { TEST_SECRET_KEY } from '../helpers/database';
import { mutationsOf, nastyJson } from './json-mutations';
import { runningApi } from './running-api';
import { fuzzParams, fuzzTimeout } from './runs';

// Boundary 2, webhooks: the carts' webhook routes (POST /webhooks/carts/:cartId/...) through a running API. A bad
// signature is a 401 whatever the body; a signed body is a 200, a 4xx naming the field, or a 503 (these carts have no
// pull schedule here); nothing is a 500.

const api = runningApi();
const box = new SecretBox(TEST_SECRET_KEY);
const MERCHANT = `fuzz-hooks-${Date.now()}`;

/** What differs between the carts: where they deliver, how they sign, what a genuine body is, other headers. */
interface CartRoute {
  type: string;
  path(cartId: string): string;
  signatureHeader: string;
  /** Makes the cart and returns the secret its deliveries are signed with. */
  setUp(cartId: string): Promise<string>;
  sign(text: string, secret: string): string;
  /** A genuine delivery's body and headers beside the signature; `headers` varies the latter. */
  genuine: { body: object; headers: Record<string, string> };
  headers: fc.Arbitrary<Record<string, string>>;
}

const ROUTES: CartRoute[] = [
  {
    type: 'woocommerce',
    path: (cartId) => `/webhooks/carts/${cartId}/woocommerce`,
    signatureHeader: 'x-wc-webhook-signature',
    async setUp(cartId) {
      await createCartStore(api.pool, box).upsert({
        id: cartId,
        merchantId: MERCHANT,
        type: 'woocommerce',
        name: 'Fuzz',
      });
      return (await createCartWebhookStore(api.pool, box).secret(cartId)).secret;
    },
    sign: (text, secret) => webhookSignature(text, secret),
    genuine: {
      body: { id: 1001, status: 'processing', line_items: [{ id: 1, sku: 'SOCK-M', quantity: 1 }] },
      headers: { 'x-wc-webhook-topic': 'order.created' },
    },
    headers: fc
      .constantFrom('order.created', 'order.updated', 'order.deleted', '')
      .map((topic) => ({ 'x-wc-webhook-topic': topic })),
  },
  {
    type: 'shopify',
    path: (cartId) => `/webhooks/carts/${cartId}/shopify/fulfillment_order_notification`,
    signatureHeader: 'x-shopify-hmac-sha256',
    async setUp(cartId) {
      const clientSecret = 'shopify-app-secret-fuzz';
      const credentials = {
        shopUrl: 'https://fuzz.myshopify.com',
        accessToken: 'x',
        locationId: 'gid://x/1',
        clientSecret,
      };
      await createCartStore(api.pool, box).upsert({
        id: cartId,
        merchantId: MERCHANT,
        type: 'shopify',
        name: 'Fuzz',
        credentials,
      });
      return clientSecret;
    },
    sign: (text, secret) => shopifyHmac(secret, text),
    genuine: { body: { kind: 'FULFILLMENT_REQUEST' }, headers: {} },
    headers: fc.constant({}),
  },
];

beforeAll(async () => {
  await createMerchantStore(api.pool, box).upsert({ id: MERCHANT, name: 'Fuzz', mode: 'test' });
});

describe.each(ROUTES)('$type webhooks', (route) => {
  const cartId = `${MERCHANT}-${route.type}`;
  const path = route.path(cartId);
  let secret = '';
  beforeAll(async () => {
    secret = await route.setUp(cartId);
  });

  const body = fc.oneof(
    mutationsOf(route.genuine.body).map((value) => JSON.stringify(value)),
    nastyJson.map((value) => JSON.stringify(value) ?? ''),
    fc.string({ maxLength: 100 }),
  );
  const post = (text: string, headers: Record<string, string>) =>
    api.send('POST', path, { body: text, headers: { 'content-type': 'application/json', ...headers } });

  it('answers a genuine delivery for a cart without a pull schedule 503, saying so', async () => {
    const text = JSON.stringify(route.genuine.body);
    const answer = await post(text, { ...route.genuine.headers, [route.signatureHeader]: route.sign(text, secret) });
    expect(answer).toEqual({ status: 503, body: { error: `cart ${cartId} has no pull schedule` } });
  });

  it(
    'answers 401 to every body without a valid signature',
    async () => {
      const signature = fc.oneof(
        fc.stringMatching(/^[ -~]{0,80}$/),
        fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('base64')),
      );
      await fc.assert(
        fc.asyncProperty(body, route.headers, signature, async (text, headers, header) => {
          const answer = await post(text, { ...headers, [route.signatureHeader]: header });
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
        fc.asyncProperty(body, route.headers, async (text, headers) => {
          const answer = await post(text, { ...headers, [route.signatureHeader]: route.sign(text, secret) });
          expect([200, 400, 503]).toContain(answer.status);
          if (answer.status === 400) expect(answer.body).toMatchObject({ field: expect.stringMatching(/./) });
        }),
        fuzzParams,
      );
    },
    fuzzTimeout(8),
  );
});
