import { startEasyPostSimulator } from '../../../../src/simulators/easypost';
import { SimHarness } from './sim-harness';

describe('EasyPost simulator: fault injection', () => {
  let h: SimHarness;

  beforeAll(async () => {
    h = await SimHarness.start();
  });
  beforeEach(() => h.reseed());
  afterAll(() => h.close());

  it('latency delays the answer, then handles the request normally', async () => {
    h.control.addFault({ route: 'GET /warehouses', kind: 'latency', latency_ms: 300 });
    const started = Date.now();
    const response = await h.api('GET', 'warehouses');
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(h.control.requests()[0]).toMatchObject({ status: 200, fault: 'latency' });
  });

  it('server_error answers 5xx in the error shape without performing the operation', async () => {
    await h.simCall('POST', 'faults', { route: 'POST /orders', kind: 'server_error', times: 1 });
    const failed = await h.api('POST', 'orders', h.order([['A-0001', 1]]));
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('1');
    expect(failed.body.errors.code).toBe('SERVICE_UNAVAILABLE');
    expect(h.control.orders(h.testKey)).toHaveLength(0);
    h.control.addFault({ route: 'GET /orders/:id', kind: 'server_error', status: 500 });
    const other = await h.api('GET', 'orders/order_x');
    expect(other.status).toBe(500);
    expect(other.body.errors.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await h.api('POST', 'orders', h.order([['A-0001', 1]]))).status).toBe(201);
  });

  it('rate_limit answers 429 with Retry-After', async () => {
    h.control.addFault({ kind: 'rate_limit', retry_after_s: 7, times: 1 });
    const limited = await h.api('GET', 'orders');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body.errors.code).toBe('RATE_LIMITED');
    expect((await h.api('GET', 'orders')).status).toBe(200);
  });

  it('reset destroys the connection and performs nothing', async () => {
    h.control.addFault({ route: 'POST /orders/', kind: 'reset' });
    await expect(h.api('POST', 'orders', h.order([['A-0001', 1]]))).rejects.toThrow();
    expect(h.control.orders(h.testKey)).toHaveLength(0);
    expect(h.control.requests()).toEqual([expect.objectContaining({ status: null, fault: 'reset' })]);
  });

  it('malformed answers 200 with truncated JSON and performs nothing', async () => {
    h.control.addFault({ route: 'POST /orders', kind: 'malformed' });
    const response = await h.send('POST', 'orders', JSON.stringify(h.order([['A-0001', 1]])));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(h.control.orders(h.testKey)).toHaveLength(0);
  });

  it('commit_then_timeout creates exactly one order while the client times out', async () => {
    h.control.addFault({ route: 'POST /orders', kind: 'commit_then_timeout', times: 1 });
    const order = h.order([['A-0001', 2]], { description: 'epf:marker-1' });
    await expect(h.api('POST', 'orders', order, { signal: AbortSignal.timeout(300) })).rejects.toThrow(
      /timeout|aborted/i,
    );
    const orders = h.control.orders(h.testKey);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ description: 'epf:marker-1', status: 'created' });
    expect(await h.stock('A-0001', 'ELM')).toBe(3);
    const found = await h.api('GET', 'orders?query=epf:marker-1');
    expect(found.body.orders).toHaveLength(1);
    expect(h.control.requests()[0]).toMatchObject({ status: 201, fault: 'commit_then_timeout' });
  });

  it('fires at the given rate, reproducibly with a seed, and at most `times`', async () => {
    const draw = async () => {
      h.control.clearFaults();
      h.control.addFault({ route: 'GET /warehouses', kind: 'server_error', rate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let index = 0; index < 12; index += 1) statuses.push((await h.api('GET', 'warehouses')).status);
      return statuses;
    };
    const first = await draw();
    expect(await draw()).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);

    h.control.clearFaults();
    h.control.addFault({ kind: 'server_error', times: 2 });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await h.api('GET', 'warehouses')).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('matches only its route and can be removed', async () => {
    const { id } = h.control.addFault({ route: 'DELETE /orders/:id', kind: 'server_error' });
    expect((await h.api('GET', 'warehouses')).status).toBe(200);
    expect((await h.api('DELETE', 'orders/order_x')).status).toBe(503);
    await h.simCall('DELETE', `faults/${id}`);
    expect((await h.api('DELETE', 'orders/order_x')).status).toBe(404);
    const bad = await h.simCall('POST', 'faults', { kind: 'explode' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.field).toBe('kind');
  });

  it('close() ends held connections instead of waiting for the client', async () => {
    const sim = await startEasyPostSimulator();
    const { test_key } = sim.control.createAccount();
    sim.control.addFault({ kind: 'commit_then_timeout' });
    const pending = fetch(`${sim.apiBaseUrl}warehouses`, {
      headers: { authorization: `Basic ${Buffer.from(`${test_key}:`).toString('base64')}` },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await sim.close();
    await expect(pending).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
