import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWooCommerceAdapter } from '../../../../src/carts/woocommerce';
import { webhookSignature } from '../../../../src/simulators/woocommerce';
import { WooHarness } from './harness';

/** A delivery URL that records what it receives and answers `status`. */
interface Receiver {
  url: string;
  received: { headers: IncomingHttpHeaders; body: string }[];
  status: number;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver = { received: [], status: 200 } as unknown as Receiver;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      receiver.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

let woo: WooHarness;
let receiver: Receiver;

beforeAll(async () => {
  [woo, receiver] = await Promise.all([WooHarness.start(), startReceiver()]);
});
beforeEach(() => {
  woo.reset();
  receiver.received = [];
  receiver.status = 200;
});
afterAll(async () => {
  await woo.close();
  await receiver.close();
});

const webhook = (topic: string) => ({ name: 'test', topic, delivery_url: receiver.url, secret: 's3cret' });

describe('the WooCommerce simulator webhooks', () => {
  it('pings a new webhook unsigned, then delivers each new order signed with the X-WC-Webhook headers', async () => {
    const created = await woo.api('POST', 'wc/v3/webhooks', webhook('order.created'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      topic: 'order.created',
      resource: 'order',
      event: 'created',
      status: 'active',
    });
    expect(created.body).not.toHaveProperty('secret');
    await woo.control.deliveriesSettled();
    const [ping] = receiver.received;
    expect(ping?.body).toBe(`webhook_id=${(created.body as { id: number }).id}`);
    expect(ping?.headers['x-wc-webhook-signature']).toBeUndefined();

    const order = woo.control.createOrder({ site: woo.keys.site });
    await woo.control.deliveriesSettled();
    const delivery = receiver.received[1]!;
    expect(JSON.parse(delivery.body)).toMatchObject({ id: order.id, status: 'processing' });
    expect(delivery.headers).toMatchObject({
      'content-type': 'application/json',
      'x-wc-webhook-topic': 'order.created',
      'x-wc-webhook-resource': 'order',
      'x-wc-webhook-event': 'created',
      'x-wc-webhook-id': String((created.body as { id: number }).id),
      'x-wc-webhook-signature': webhookSignature(delivery.body, 's3cret'),
      'x-wc-webhook-source': `${woo.keys.site_url}/`,
    });
    expect(delivery.headers['x-wc-webhook-delivery-id']).toEqual(expect.any(String));
  });

  it('disables a webhook on a failure after more than 5 in a row; a success before resets the count', async () => {
    await woo.api('POST', 'wc/v3/webhooks', webhook('order.created'));
    await woo.control.deliveriesSettled();
    receiver.status = 500;
    for (let i = 0; i < 6; i += 1) {
      woo.control.createOrder({ site: woo.keys.site });
      await woo.control.deliveriesSettled();
    }
    expect(woo.control.webhooks(woo.keys.site)[0]).toMatchObject({ status: 'active', failure_count: 6 });
    woo.control.createOrder({ site: woo.keys.site });
    await woo.control.deliveriesSettled();
    const [hook] = woo.control.webhooks(woo.keys.site);
    expect(hook?.status).toBe('disabled');
    const listed = await woo.api('GET', 'wc/v3/webhooks?status=disabled');
    expect(listed.body).toEqual([expect.objectContaining({ id: hook?.id, status: 'disabled' })]);

    // Re-activated, the count stays; one delivery that succeeds clears it.
    expect((await woo.api('PUT', `wc/v3/webhooks/${hook?.id}`, { status: 'active' })).status).toBe(200);
    receiver.status = 200;
    woo.control.createOrder({ site: woo.keys.site });
    await woo.control.deliveriesSettled();
    expect(woo.control.webhooks(woo.keys.site)[0]).toMatchObject({ status: 'active', failure_count: 0 });
  });

  it('delivers order.updated when an order changes through the API or is cancelled', async () => {
    await woo.api('POST', 'wc/v3/webhooks', webhook('order.updated'));
    const order = woo.control.createOrder({ site: woo.keys.site });
    await woo.api('PUT', `wc/v3/orders/${order.id}`, { status: 'completed' });
    woo.control.cancelOrder(woo.control.createOrder({ site: woo.keys.site }).id);
    await woo.control.deliveriesSettled();
    const topics = receiver.received.slice(1).map((delivery) => JSON.parse(delivery.body).status);
    expect(topics.sort()).toEqual(['cancelled', 'completed']);
  });
});

describe('the WooCommerce adapter making sure of its webhooks', () => {
  const adapter = () =>
    createWooCommerceAdapter({
      merchantId: 'demo',
      cartId: 'woo',
      credentials: {
        siteUrl: woo.keys.site_url,
        consumerKey: woo.keys.consumer_key,
        consumerSecret: woo.keys.consumer_secret,
      },
    });
  const target = { url: 'http://127.0.0.1:9/webhooks/carts/woo/woocommerce', secret: 'a', secretChanged: false };

  it('creates both, then changes nothing, then re-activates a disabled one and names it', async () => {
    expect(await adapter().ensureWebhooks!(target)).toEqual({
      created: ['order.created', 'order.updated'],
      updated: [],
      disabled: [],
    });
    expect(await adapter().ensureWebhooks!(target)).toEqual({ created: [], updated: [], disabled: [] });
    const [first] = woo.control.webhooks(woo.keys.site);
    await woo.api('PUT', `wc/v3/webhooks/${first?.id}`, { status: 'disabled' });
    expect(await adapter().ensureWebhooks!(target)).toEqual({
      created: [],
      updated: [first?.topic],
      disabled: [`${first?.topic} (webhook ${first?.id})`],
    });
    expect(woo.control.webhooks(woo.keys.site).map((hook) => hook.status)).toEqual(['active', 'active']);
  });

  it('moves its webhooks to a new URL and gives them a new secret, without making twins', async () => {
    await adapter().ensureWebhooks!(target);
    const moved = { url: 'http://127.0.0.1:9/elsewhere', secret: 'b', secretChanged: true };
    expect(await adapter().ensureWebhooks!(moved)).toMatchObject({
      created: [],
      updated: ['order.created', 'order.updated'],
    });
    const hooks = woo.control.webhooks(woo.keys.site);
    expect(hooks).toHaveLength(2);
    expect(hooks.every((hook) => hook.delivery_url === moved.url && hook.secret === 'b')).toBe(true);
  });
});
