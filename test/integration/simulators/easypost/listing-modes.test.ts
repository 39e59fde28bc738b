import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_TIMEOUT_MS } from '../../../../src/easypost';
import { faultSchema, SLOW_COMMIT_DEFAULT_MS } from '../../../../src/simulators/easypost/control-schemas';
import { SimHarness, type Loose } from './sim-harness';

describe('EasyPost simulator: listing modes and timing faults', () => {
  let h: SimHarness;

  beforeAll(async () => {
    h = await SimHarness.start();
  });
  beforeEach(() => h.reseed());
  afterAll(() => h.close());

  const create = async (description: string) =>
    (await h.api('POST', 'orders', h.order([['A-0001', 1]], { description }))).body as Loose;
  const listed = async (query = '') =>
    ((await h.api('GET', `orders${query}`)).body.orders as Loose[]).map((order) => order.description);

  it('lists oldest first and ignores query when told, counting each listing it changed', async () => {
    await create('first epf:a');
    await create('second epf:b');
    expect(await listed('?query=epf:a')).toEqual(['first epf:a']);
    expect(h.control.faultCounts()).toEqual({});

    h.control.configure({ listing_order: 'oldest_first', listing_query: 'ignored' });
    expect(await listed()).toEqual(['first epf:a', 'second epf:b']);
    expect(await listed('?query=epf:b')).toEqual(['first epf:a', 'second epf:b']);
    expect(h.control.faultCounts()).toEqual({ oldest_first: 2, query_ignored: 1 });
    expect((await fetch(`${h.sim.url}/__sim/fault-counts`).then((r) => r.json())) as Loose).toEqual({
      counts: { oldest_first: 2, query_ignored: 1 },
    });
  });

  it('shows a created order in listings only after the visibility delay, and by id at once', async () => {
    h.control.configure({ visibility_delay_ms: 800 });
    const order = await create('late epf:c');
    expect(await listed('?query=epf:c')).toEqual([]);
    expect((await h.api('GET', `orders/${order.id}`)).body).toMatchObject({ id: order.id });
    await sleep(900);
    expect(await listed('?query=epf:c')).toEqual(['late epf:c']);
    expect(h.control.faultCounts()).toEqual({ delayed_visibility: 1 });
  });

  it('slow_commit creates the order only after the client gave up', async () => {
    h.control.addFault({ route: 'POST /orders', kind: 'slow_commit', latency_ms: 800, times: 1 });
    const order = h.order([['A-0001', 1]], { description: 'slow epf:d' });
    await expect(h.api('POST', 'orders', order, { signal: AbortSignal.timeout(200) })).rejects.toThrow(
      /timeout|aborted/i,
    );
    expect(h.control.orders(h.testKey)).toHaveLength(0);
    await sleep(900);
    expect(h.control.orders(h.testKey)).toMatchObject([{ description: 'slow epf:d', status: 'created' }]);
    expect(h.control.requests()[0]).toMatchObject({ status: 201, fault: 'slow_commit' });
    expect(h.control.faultCounts()).toEqual({ slow_commit: 1 });
  });

  it('waits 25 s by default before a slow commit, longer than the client timeout; 1 s for latency', () => {
    expect(faultSchema.parse({ kind: 'slow_commit' }).latency_ms).toBe(SLOW_COMMIT_DEFAULT_MS);
    expect(SLOW_COMMIT_DEFAULT_MS).toBeGreaterThan(DEFAULT_TIMEOUT_MS);
    expect(faultSchema.parse({ kind: 'latency' }).latency_ms).toBe(1000);
    expect(() => h.control.addFault({ kind: 'slow_commit', latency_ms: -1 })).toThrow(/latency_ms/);
  });
});
