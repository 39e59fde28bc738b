// The 01:00 burst: N orders of one merchant on hold, resent at the merchant's daily resend time, under its EasyPost
// rate. The clock is shortened by moving the resend time to a few minutes from now, not by faking time.
import { setTimeout as sleep } from 'node:timers/promises';
import { SecretBox } from '../src/crypto/secret-box';
import { createCartStore } from '../src/db/carts';
import { createMerchantStore } from '../src/db/merchants';
import { createOrderIndex } from '../src/db/orders';
import { createMappingStore } from '../src/db/product-mapping';
import { orderWorkflowId } from '../src/domain/order';
import { createEasyPostClient } from '../src/easypost';
import { orderMarker } from '../src/easypost/idempotent-create';
import { SEND_SHARE } from '../src/domain/merchant-settings';
import { startOrderWorkflow } from '../src/orders/submit';
import { DEMO_KEYS } from '../src/simulators/easypost/demo';
import { startChaosStack, type ChaosStack } from '../chaos/stack';
import { TEST_SECRET_KEY } from '../test/helpers/database';
import { BARCODES } from '../test/helpers/order-stack';
import { sampleOrder } from '../test/helpers/orders';
import { historyCost, type HistoryCost } from './history-cost';
import { sampleRss, type RssSample } from './memory';

const MERCHANT = 'burst';
const CART = 'burst-manual';
const ZONE = 'America/Los_Angeles';
/** A resend looks for an earlier attempt's order, then creates: two EasyPost requests (docs/scaling.md). */
export const REQUESTS_PER_RESEND = 2;

export interface BurstOptions {
  orders: number;
  /** The merchant's EasyPost limit during the burst (requests/s); the simulator enforces the same one. */
  ratePerSecond: number;
  /** The limit while the orders are first sent and put on hold, so the setup is bound by the worker, not the limit. */
  setupRatePerSecond: number;
  /** One order in this many stays out of stock: resent, refused again and held until tomorrow (the held-day cost). */
  stuckEvery: number;
  /** Seconds from start to the resend time; it must leave room for putting every order on hold. */
  leadSeconds: number;
  runDir: string;
  /** A prebuilt workflow bundle (tests pass the run's); without it one is built into runDir. */
  workflowBundlePath?: string;
  log(line: string): void;
}

export interface BurstReport {
  orders: number;
  ratePerSecond: number;
  resendAt: string;
  /** N × requests per resend ÷ (rate × the sends' share of it), in seconds. */
  boundSeconds: number;
  /** From the resend time to the last order resent. */
  drainSeconds: number;
  drained: boolean;
  resent: number;
  atWms: number;
  heldAgain: number;
  lost: string[];
  duplicates: string[];
  requests: number;
  /** Answers 429: EasyPost's limit exceeded. Must be 0. */
  rateLimited: number;
  /** Most requests EasyPost saw in any one-second window: arrival jitter of a request or two shows here. */
  peakRequestsPerSecond: number;
  /** Most requests in any window of `SUSTAINED_WINDOW_MS`, per second: the pace itself, where jitter averages out. */
  sustainedRequestsPerSecond: number;
  rss: { atResendMb: number; peakMb: number; endMb: number; samples: number };
  /** One held order's day: from its resend to its next hold. */
  heldDay: HistoryCost;
  setupSeconds: number;
}

export async function runBurst(options: BurstOptions): Promise<BurstReport> {
  const stack = await startChaosStack({ runDir: options.runDir, workflowBundlePath: options.workflowBundlePath });
  try {
    return await burst(stack, options);
  } finally {
    await stack.close();
  }
}

async function burst(stack: ChaosStack, options: BurstOptions): Promise<BurstReport> {
  const { pool, sims, client } = stack;
  const say = options.log;
  const easypost = sims.easypost.control;
  const warehouses = await createEasyPostClient({
    apiKey: DEMO_KEYS.test_key,
    baseUrl: sims.easypost.apiBaseUrl,
  }).listWarehouses();
  const setStock = (barcode: string, quantity: number, warehouseId: string) =>
    easypost.setStock({ api_key: DEMO_KEYS.test_key, barcode, warehouse_id: warehouseId, quantity });
  for (const { id } of warehouses) {
    setStock(BARCODES.socks, 0, id);
    setStock(BARCODES.tote, 0, id);
  }
  easypost.configure({ rate_limit_per_second: options.setupRatePerSecond });

  const resendAt = new Date(Math.ceil((Date.now() + options.leadSeconds * 1000) / 60_000) * 60_000);
  const local = localHourMinute(resendAt);
  const merchants = createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY));
  await merchants.upsert({
    id: MERCHANT,
    name: 'Burst Outfitters',
    mode: 'test',
    testKey: DEMO_KEYS.test_key,
    settings: {
      resendZone: ZONE,
      resendHour: local.hour,
      resendMinute: local.minute,
      easyPostRequestsPerSecond: options.setupRatePerSecond,
    },
  });
  await createCartStore(pool).upsert({ id: CART, merchantId: MERCHANT, type: 'manual', name: 'Burst orders' });
  const mappings = createMappingStore(pool);
  await mappings.setAlias(MERCHANT, 'SOCK-M', BARCODES.socks);
  await mappings.setAlias(MERCHANT, 'TOTE', BARCODES.tote);
  await mappings.setShipMethod(MERCHANT, 'Standard', 'standard');

  // Every order is sent once, refused for stock, and held until the resend time.
  const started = Date.now();
  const ids = Array.from({ length: options.orders }, (_, i) => `b${i}`);
  const stuck = (i: number) => i % options.stuckEvery === 0;
  const deps = { client, taskQueue: stack.taskQueue, orders: createOrderIndex(pool), carts: createCartStore(pool) };
  await inBatches(ids, 32, async (cartOrderId, i) => {
    const order = sampleOrder({
      merchantId: MERCHANT,
      cartId: CART,
      cartOrderId,
      cartOrderNumber: `#${cartOrderId}`,
      lines: [{ lineId: 'l1', sku: stuck(i) ? 'TOTE' : 'SOCK-M', quantity: 1 }],
    });
    const result = await startOrderWorkflow(deps, order);
    if (result.outcome !== 'started') throw new Error(`order ${cartOrderId} not started: ${JSON.stringify(result)}`);
  });
  say(`${options.orders} orders started in ${seconds(Date.now() - started)} s; waiting for them to be held`);
  await until(
    async () => (await countByStatus(stack))['on_hold'] === options.orders,
    resendAt.getTime() - 15_000,
    async () =>
      `not every order was held 15 s before the resend time (${JSON.stringify(await countByStatus(stack))}): ` +
      'raise --lead',
  );
  const setupSeconds = seconds(Date.now() - started);
  say(`${options.orders} orders on hold after ${setupSeconds} s; resend at ${resendAt.toISOString()}`);

  // Stock arrives; the inventory pickup is off (no schedules), so only the resend time wakes them.
  setStock(BARCODES.socks, options.orders, warehouses[0]!.id);
  await merchants.update(MERCHANT, { settings: { easyPostRequestsPerSecond: options.ratePerSecond } }, 'burst');
  easypost.configure({ rate_limit_per_second: options.ratePerSecond });
  const sample = client.workflow.getHandle(orderWorkflowId(CART, ids[0]!));
  const eventsBefore = (await sample.fetchHistory()).events!.length;
  await sleep(Math.max(0, resendAt.getTime() - 10_000 - Date.now()));
  easypost.clearRequests();
  const memory = sampleRss(() => stack.workerPid(), 2_000);

  const boundSeconds = (options.orders * REQUESTS_PER_RESEND) / (options.ratePerSecond * SEND_SHARE);
  const heldAgain = ids.filter((_, i) => stuck(i)).length;
  const done = async () => {
    const counts = await countByStatus(stack);
    const rows = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders WHERE merchant_id = $1 AND status = 'on_hold' AND hold_count >= 2`,
      [MERCHANT],
    );
    return (counts['at_wms'] ?? 0) + rows.rows[0]!.n === options.orders;
  };
  let lastProgress = 0;
  const drained = await until(
    async () => {
      if (Date.now() - lastProgress > 30_000) {
        lastProgress = Date.now();
        say(
          `  ${seconds(Date.now() - resendAt.getTime())} s after the resend: ${JSON.stringify(await countByStatus(stack))}`,
        );
      }
      return done();
    },
    resendAt.getTime() + boundSeconds * 1500 + 120_000,
  ).then(
    () => true,
    () => false,
  );
  const samples = memory.stop();

  const requests = easypost.requests().filter((request) => Date.parse(request.at) >= resendAt.getTime() - 1000);
  const requestTimes = requests.map((request) => Date.parse(request.at));
  const lastResend = Math.max(...requestTimes);
  const markers = new Map<string, number>();
  for (const order of easypost.orders(DEMO_KEYS.test_key)) {
    for (const word of (order.description ?? '').split(/\s+/)) {
      if (word.startsWith('epf:')) markers.set(word, (markers.get(word) ?? 0) + 1);
    }
  }
  const good = ids.filter((_, i) => !stuck(i));
  const markerOf = (id: string) => orderMarker(orderWorkflowId(CART, id));
  const counts = await countByStatus(stack);
  const history = (await sample.fetchHistory()).events!;
  return {
    orders: options.orders,
    ratePerSecond: options.ratePerSecond,
    resendAt: resendAt.toISOString(),
    boundSeconds,
    drainSeconds: seconds(lastResend - resendAt.getTime()),
    drained,
    resent: (counts['at_wms'] ?? 0) + heldAgain,
    atWms: counts['at_wms'] ?? 0,
    heldAgain,
    lost: good.filter((id) => !markers.has(markerOf(id))),
    duplicates: good.filter((id) => (markers.get(markerOf(id)) ?? 0) > 1),
    requests: requests.length,
    rateLimited: requests.filter((request) => request.status === 429).length,
    peakRequestsPerSecond: peakPerWindow(requestTimes, 1000),
    sustainedRequestsPerSecond: peakPerWindow(requestTimes, SUSTAINED_WINDOW_MS) / (SUSTAINED_WINDOW_MS / 1000),
    rss: rssFigures(samples, resendAt.getTime()),
    heldDay: historyCost(history.slice(eventsBefore)),
    setupSeconds,
  };
}

async function countByStatus(stack: ChaosStack): Promise<Record<string, number>> {
  const { rows } = await stack.pool.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM orders WHERE merchant_id = $1 GROUP BY status',
    [MERCHANT],
  );
  return Object.fromEntries(rows.map((row) => [row.status, row.n]));
}

/** The wall clock of `at` in Los Angeles: the merchant's resend setting that fires then. */
function localHourMinute(at: Date): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { hour: part('hour'), minute: part('minute') };
}

/** The window of `sustainedRequestsPerSecond`: long enough that one request arriving late moves it by 0.2/s. */
export const SUSTAINED_WINDOW_MS = 5_000;

/** Most timestamps in any window of `windowMs` (two pointers over the sorted times). */
export function peakPerWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let end = 0, start = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= windowMs) start += 1;
    peak = Math.max(peak, end - start + 1);
  }
  return peak;
}

function rssFigures(samples: RssSample[], resendMs: number): BurstReport['rss'] {
  const mb = (bytes: number) => Math.round(bytes / 1_048_576);
  const atResend = samples.find((sample) => sample.atMs >= resendMs) ?? samples[0];
  return {
    atResendMb: mb(atResend?.bytes ?? 0),
    peakMb: mb(Math.max(...samples.map((sample) => sample.bytes))),
    endMb: mb(samples.at(-1)?.bytes ?? 0),
    samples: samples.length,
  };
}

async function inBatches<T>(items: T[], size: number, each: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map((item, offset) => each(item, start + offset)));
  }
}

/** Polls `check` every second until it holds; rejects at `deadlineMs` with `describe()`. */
async function until(
  check: () => Promise<boolean>,
  deadlineMs: number,
  describe: () => Promise<string> = async () => 'timed out',
): Promise<void> {
  while (!(await check())) {
    if (Date.now() > deadlineMs) throw new Error(await describe());
    await sleep(1000);
  }
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
