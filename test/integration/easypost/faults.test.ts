import { createServer } from 'node:net';
import {
  createEasyPostClient,
  createOrderIdempotently,
  hasMarker,
  orderMarker,
  type CreateOrderRequest,
  type EasyPostError,
} from '../../../src/easypost';
import { SIM_CATALOG } from './sim-http';
import { startSimTarget } from './sim-target';
import { failureOf } from './failure-of';
import { orderWorkflowId } from '../../../workflows/definitions';

const TIMEOUT_MS = 400;

const request: CreateOrderRequest = {
  service: 'standard',
  destination: {
    name: 'Fault Test',
    street1: '1 Main St',
    city: 'Los Angeles',
    state: 'CA',
    zip: '90001',
    country: 'US',
  },
  line_items: [{ product: { barcode: SIM_CATALOG.products[0]?.barcode ?? '' }, units: 1 }],
};

/** A port nothing listens on: bind an ephemeral one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('EasyPost client under injected faults', () => {
  let target: Awaited<ReturnType<typeof startSimTarget>>;
  let orderId: string;

  beforeAll(async () => {
    target = await startSimTarget({ timeoutMs: TIMEOUT_MS });
    orderId = (await target.client.createOrder(request)).id;
  });
  afterEach(async () => {
    await target.control.clearFaults();
    await target.control.clearRequests();
  });
  afterAll(async () => {
    await target.sim.close();
  });

  const calls = {
    'POST /orders': () => target.client.createOrder(request),
    'GET /orders': () => target.client.listOrders({ page: 0 }),
    'GET /orders/:id': () => target.client.getOrder(orderId),
    'DELETE /orders/:id': () => target.client.cancelOrder('order_ffffffffffffffffffffffffffffffff'),
    'GET /inventories': () => target.client.getInventories(['prod_x']),
  } as const;

  it.each([
    ['latency', 'GET /orders', { latency_ms: TIMEOUT_MS * 3 }, { code: 'TIMEOUT', ambiguous: false }],
    ['latency', 'POST /orders', { latency_ms: TIMEOUT_MS * 3 }, { code: 'TIMEOUT', ambiguous: true }],
    ['server_error', 'POST /orders', { status: 500 }, { status: 500, ambiguous: true }],
    ['server_error', 'DELETE /orders/:id', { status: 502 }, { status: 502, ambiguous: true }],
    [
      'server_error',
      'GET /orders',
      { status: 503, retry_after_s: 2 },
      { status: 503, retryAfterMs: 2000, ambiguous: false },
    ],
    ['reset', 'POST /orders', {}, { ambiguous: true }],
    ['reset', 'GET /orders/:id', {}, { ambiguous: false }],
    ['malformed', 'POST /orders', {}, { code: 'RESPONSE.UNREADABLE', ambiguous: true }],
    ['malformed', 'GET /orders/:id', {}, { code: 'RESPONSE.UNREADABLE', ambiguous: false }],
    ['commit_then_timeout', 'POST /orders', {}, { code: 'TIMEOUT', ambiguous: true }],
    ['commit_then_timeout', 'GET /inventories', {}, { code: 'TIMEOUT', ambiguous: false }],
  ] as const)('%s on %s is a retryable transient failure', async (kind, route, options, expected) => {
    await target.control.addFault({ route, kind, times: 1, ...options });
    const error = await failureOf(calls[route]());
    expect(error).toMatchObject({ kind: 'transient', retryable: true, ...expected });
    expect(error.message).toMatch(/^(GET|POST|DELETE) \S+ (failed|answered)/);
    // Proof the fault fired. A delayed request whose client left is dropped unlogged, and its timeout is proof enough.
    const { requests } = await target.control.requests();
    if (kind !== 'latency') expect(requests.map((logged) => logged.fault)).toContain(kind);
  });

  it('an injected 429 is rate_limited with Retry-After in milliseconds', async () => {
    await target.control.addFault({ route: 'GET /inventories', kind: 'rate_limit', times: 1, retry_after_s: 3 });
    const error = await failureOf(calls['GET /inventories']());
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      retryable: true,
      retryAfterMs: 3000,
      ambiguous: false,
    });
  });

  it("the simulator's own rate limiter answers 429 with Retry-After", async () => {
    await target.control.settings({ rate_limit_per_second: 1 });
    try {
      const results = await Promise.allSettled([1, 2, 3].map(() => target.client.listWarehouses()));
      const limited = results.flatMap((result) =>
        result.status === 'rejected' ? [result.reason as EasyPostError] : [],
      );
      expect(limited.length).toBeGreaterThan(0);
      for (const error of limited)
        expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: expect.any(Number) });
    } finally {
      await target.control.settings({ rate_limit_per_second: null });
    }
  });

  it('latency under the timeout only slows the call down', async () => {
    await target.control.addFault({ route: 'GET /orders/:id', kind: 'latency', times: 1, latency_ms: TIMEOUT_MS / 4 });
    expect((await calls['GET /orders/:id']()).id).toBe(orderId);
  });

  it('a refused connection is transient and cannot have committed', async () => {
    const client = createEasyPostClient({ apiKey: target.apiKey, baseUrl: `http://127.0.0.1:${await closedPort()}/` });
    const error = await failureOf(client.createOrder(request));
    expect(error).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED', ambiguous: false, retryable: true });
  });

  it('commit_then_timeout, then a retry through createOrderIdempotently, leaves exactly one order', async () => {
    const marker = orderMarker(orderWorkflowId('faults', 'commit-then-timeout'));
    await target.control.addFault({ route: 'POST /orders', kind: 'commit_then_timeout', times: 1 });

    const first = await failureOf(
      createOrderIdempotently(target.client, request, { marker, checkExistingFirst: false }),
    );
    expect(first).toMatchObject({ kind: 'transient', ambiguous: true });

    const retry = await createOrderIdempotently(target.client, request, { marker, checkExistingFirst: true });
    expect(retry.adopted).toBe(true);

    const { orders } = await target.control.orders(target.apiKey);
    const marked = orders.filter((order) => hasMarker(order.description, marker));
    expect(marked.map((order) => order.id)).toEqual([retry.order.id]);
  });
});
