import type { Pool } from 'pg';
import { paceRequests, MAX_REQUEST_WAIT_MS } from '../../../activities/easypost-pacing';
import { SecretBox } from '../../../src/crypto/secret-box';
import { createEasyPostPacing, type EasyPostPacing } from '../../../src/db/easypost-pacing';
import { createMerchantStore } from '../../../src/db/merchants';
import { createEasyPostClient, EasyPostError } from '../../../src/easypost';
import { startEasyPostSimulator, type RunningEasyPostSimulator } from '../../../src/simulators/easypost';
import { DEMO_KEYS, seedEasyPostDemo } from '../../../src/simulators/easypost/demo';
import { createTestPool, TEST_SECRET_KEY } from '../../helpers/database';

let pool: Pool;
let pacing: EasyPostPacing;
let sim: RunningEasyPostSimulator;
let merchant = 0;

beforeAll(async () => {
  pool = createTestPool();
  pacing = createEasyPostPacing(pool);
  sim = await startEasyPostSimulator({ rateLimitPerSecond: 5 });
  seedEasyPostDemo(sim.control);
});

afterAll(async () => {
  await sim?.close();
  await pool?.end();
});

/** A new merchant per test, so each starts with idle lanes. */
async function newMerchant(): Promise<string> {
  const id = `pacing-${process.pid}-${(merchant += 1)}`;
  await createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({ id, name: id });
  return id;
}

describe('EasyPost pacing on PostgreSQL', () => {
  it('hands out back-to-back slots at the rate, one lane per merchant and lane', async () => {
    const id = await newMerchant();
    const waits: number[] = [];
    for (let i = 0; i < 10; i += 1)
      waits.push((await pacing.reserve(id, 'requests', { cost: 1, perSecond: 5 })).waitMs);
    // Each slot begins 200 ms after the previous one (less the time the loop itself took).
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]! - waits[i - 1]!).toBeGreaterThan(150);
    expect(waits[9]).toBeGreaterThan(1_500);
    // The other lane, and another merchant, are idle.
    expect((await pacing.reserve(id, 'sends', { cost: 2, perSecond: 4 })).waitMs).toBe(0);
    expect((await pacing.reserve(await newMerchant(), 'requests', { cost: 1, perSecond: 5 })).waitMs).toBe(0);
  });

  it('a slot further away than the caller will wait is refused, and nothing is taken', async () => {
    const id = await newMerchant();
    await pacing.reserve(id, 'sends', { cost: 10, perSecond: 1 }); // the lane is busy for 10 s
    const refused = await pacing.reserve(id, 'sends', { cost: 1, perSecond: 1, maxWaitMs: 1_000 });
    expect(refused.taken).toBe(false);
    expect(refused.waitMs).toBeGreaterThan(8_000);
    const next = await pacing.reserve(id, 'sends', { cost: 1, perSecond: 1 });
    expect(next.waitMs).toBeLessThan(refused.waitMs + 100); // the refusal took no time from the lane
  });

  it('a paced client never trips EasyPost’s limit; a call too far back in the queue fails before sending', async () => {
    const id = await newMerchant();
    const client = createEasyPostClient({
      apiKey: DEMO_KEYS.test_key,
      baseUrl: sim.apiBaseUrl,
      throttle: paceRequests(pacing, id, 5),
    });
    sim.control.clearRequests();
    const calls = 25;
    const results = await Promise.allSettled(Array.from({ length: calls }, () => client.listWarehouses()));

    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(EasyPostError);
      expect(reason).toMatchObject({ kind: 'rate_limited', retryable: true });
      expect((reason as EasyPostError).retryAfterMs).toBeGreaterThan(0);
    }
    // About MAX_REQUEST_WAIT_MS worth of slots went out, all within the limit; the rest were never sent.
    const sent = sim.control.requests();
    expect(sent).toHaveLength(calls - refused.length);
    expect(sent.length).toBeGreaterThanOrEqual((MAX_REQUEST_WAIT_MS / 1000) * 5);
    expect(sent.filter((request) => request.status === 429)).toHaveLength(0);
  });
});
