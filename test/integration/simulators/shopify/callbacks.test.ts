import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { shopifyHmac } from '../../../../src/simulators/shopify/notifications';
import { pollUntil } from '../../../helpers/poll';
import { ShopifyHarness } from './harness';

interface Received {
  path: string;
  hmac: string | undefined;
  body: string;
  at: number;
}

const SERVICE = `query Service($id: ID!) {
  location(id: $id) { fulfillmentService { id callbackUrl trackingSupport inventoryManagement } }
}`;
const UPDATE = `mutation Update($id: ID!, $callbackUrl: URL, $trackingSupport: Boolean) {
  fulfillmentServiceUpdate(id: $id, callbackUrl: $callbackUrl, trackingSupport: $trackingSupport) {
    fulfillmentService { id callbackUrl trackingSupport } userErrors { field message }
  }
}`;
const CREATE = `mutation Create($name: String!, $callbackUrl: URL) {
  fulfillmentServiceCreate(name: $name, callbackUrl: $callbackUrl) {
    fulfillmentService { id serviceName callbackUrl location { id fulfillmentService { id } } }
    userErrors { field message }
  }
}`;

describe('Shopify simulator: fulfillment services and their callbacks', () => {
  let h: ShopifyHarness;
  let receiver: Server;
  let receiverUrl: string;
  let received: Received[];

  beforeAll(async () => {
    h = await ShopifyHarness.start();
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const hmac = request.headers['x-shopify-hmac-sha256'];
        received.push({
          path: request.url ?? '',
          hmac: typeof hmac === 'string' ? hmac : undefined,
          body,
          at: Date.now(),
        });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    h.reset();
    received = [];
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await h.close();
  });

  async function serviceId(): Promise<string> {
    const answer = await h.graphql(SERVICE, { id: h.shop.location_id });
    return answer.body.data.location.fulfillmentService.id as string;
  }

  async function setCallback(callbackUrl: string | null): Promise<void> {
    const answer = await h.graphql(UPDATE, { id: await serviceId(), callbackUrl });
    expect(answer.body.data.fulfillmentServiceUpdate.userErrors).toEqual([]);
  }

  it('finds the install’s service through its location, updates its callback URL and creates another', async () => {
    const before = await h.graphql(SERVICE, { id: h.shop.location_id });
    expect(before.body.data.location.fulfillmentService).toEqual({
      id: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentService\/\d+$/),
      callbackUrl: null,
      trackingSupport: false,
      inventoryManagement: false,
    });
    const id = await serviceId();
    const updated = await h.graphql(UPDATE, { id, callbackUrl: `${receiverUrl}/cb`, trackingSupport: true });
    expect(updated.body.data.fulfillmentServiceUpdate).toEqual({
      fulfillmentService: { id, callbackUrl: `${receiverUrl}/cb`, trackingSupport: true },
      userErrors: [],
    });
    const bad = await h.graphql(UPDATE, { id, callbackUrl: 'ftp://example.com' });
    expect(bad.body.data.fulfillmentServiceUpdate.userErrors).toEqual([
      { field: ['callbackUrl'], message: 'Callback url is invalid' },
    ]);
    const unknown = await h.graphql(UPDATE, { id: 'gid://shopify/FulfillmentService/1' });
    expect(unknown.body.data.fulfillmentServiceUpdate.userErrors).toEqual([
      { field: ['id'], message: 'Fulfillment service could not be found.' },
    ]);

    const created = await h.graphql(CREATE, { name: 'Second warehouse', callbackUrl: `${receiverUrl}/two` });
    const service = created.body.data.fulfillmentServiceCreate.fulfillmentService;
    expect(service).toMatchObject({ serviceName: 'Second warehouse', callbackUrl: `${receiverUrl}/two` });
    expect(service.location.fulfillmentService.id).toBe(service.id);
    expect(service.location.id).not.toBe(h.shop.location_id);
    const again = await h.graphql(CREATE, { name: 'Second warehouse' });
    expect(again.body.data.fulfillmentServiceCreate.userErrors).toEqual([
      { field: ['name'], message: 'Name has already been taken' },
    ]);
    expect(h.control.fulfillmentServices(h.shop.shop_id)).toHaveLength(2);
  });

  it('posts each fulfillment and cancellation request to the callback URL, signed with the app secret', async () => {
    const first = h.order();
    expect(h.control.notifications()).toEqual([]);
    await setCallback(`${receiverUrl}/hooks/shop/`);
    const fo = h.order();
    h.control.cancelOrder(first.order_id); // never accepted: withdrawn, nothing to tell
    await h.graphql(`mutation { fulfillmentOrderAcceptFulfillmentRequest(id: "${fo.id}") { userErrors { message } } }`);
    h.control.cancelOrder(fo.order_id);
    await pollUntil(() => received.length === 2);
    expect(received.map((r) => [r.path, r.body])).toEqual([
      ['/hooks/shop/fulfillment_order_notification', '{"kind":"FULFILLMENT_REQUEST"}'],
      ['/hooks/shop/fulfillment_order_notification', '{"kind":"CANCELLATION_REQUEST"}'],
    ]);
    for (const r of received) expect(r.hmac).toBe(shopifyHmac(h.shop.client_secret, r.body));
    expect(h.control.notifications(h.shop.shop_id).map((n) => [n.kind, n.status])).toEqual([
      ['FULFILLMENT_REQUEST', 200],
      ['CANCELLATION_REQUEST', 200],
    ]);
  });

  it('loses or delays deliveries by fault, and tells of a late request too', async () => {
    await setCallback(receiverUrl);
    h.control.addFault({ kind: 'notification_lost', times: 1 });
    h.order();
    h.control.addFault({ kind: 'notification_delay', times: 1, latency_ms: 400 });
    const sent = Date.now();
    h.order();
    const late = h.order([['TOTE-NAT', 1]]);
    expect(late.request_status).toBe('SUBMITTED');
    const held = h.control.createOrder({ shop: h.shop.shop_id, unrequested: 'on_hold' });
    h.control.requestFulfillment(held.id);
    await pollUntil(() => received.length === 3);
    expect(received.at(-1)!.at - sent).toBeGreaterThanOrEqual(400);
    expect(h.control.notifications().map((n) => n.fault)).toEqual([
      'notification_lost',
      'notification_delay',
      null,
      null,
    ]);
    expect(h.control.faultCounts()).toMatchObject({ notification_lost: 1, notification_delay: 1 });
  });
});
