import {
  createEasyPostClient,
  createOrderIdempotently,
  EasyPostError,
  hasMarker,
  orderMarker,
  type CreateOrderRequest,
} from '../../src/easypost';
import { startEasyPostSimulator, type FaultKind } from '../../src/simulators/easypost';
import { orderWorkflowId } from '../../workflows/definitions';
import { retryLikeTemporal, type RetryPolicy } from './retry';

export interface CreateBenchOptions {
  orders: number;
  /** Share of API requests that get a fault, spread evenly over the six kinds. */
  faultRate: number;
  concurrency: number;
  /** Client timeout: short, so commit_then_timeout costs one timeout rather than twenty seconds. */
  timeoutMs?: number;
}

export interface CreateBenchReport {
  intendedOrders: number;
  simOrders: number;
  duplicates: number;
  missing: number;
  /** Errors that are not EasyPostError: a classification gap. */
  unclassified: number;
  /** Orders that ended on a non-retryable EasyPostError or ran out of attempts. */
  failed: number;
  adopted: number;
  attempts: number;
  requests: number;
  faultsByKind: Record<FaultKind, number>;
  wallMs: number;
  requestsPerSecond: number;
  /** The first few failures, for diagnosis. */
  errors: string[];
}

const FAULT_KINDS: FaultKind[] = ['latency', 'server_error', 'rate_limit', 'reset', 'malformed', 'commit_then_timeout'];
const BARCODES = Array.from({ length: 10 }, (_, i) => `08100000000${String(i).padStart(2, '0')}`);
const PLENTY = 10_000_000;
const MAX_ERRORS_KEPT = 5;

// Temporal-like, scaled down: real policies start at seconds; the classification and the adoption are what we test.
const POLICY: RetryPolicy = {
  initialIntervalMs: 20,
  backoffCoefficient: 2,
  maximumIntervalMs: 400,
  maximumAttempts: 30,
  retryAfterCapMs: 50,
};

/**
 * Rule k of n fires with probability q / (1 - k·q), q = rate / n. The simulator tries rules in order and applies the
 * first whose draw succeeds, so each kind then hits a share q of all requests and together they hit `rate`.
 */
function faultRules(rate: number, timeoutMs: number) {
  const share = rate / FAULT_KINDS.length;
  return FAULT_KINDS.map((kind, index) => ({
    route: '*',
    kind,
    rate: Math.min(1, share / (1 - index * share)),
    // Slow but answered: a delay past the timeout would only be a second flavour of commit_then_timeout.
    latency_ms: Math.round(timeoutMs / 2),
    retry_after_s: 1,
    status: 500,
  }));
}

function orderRequest(index: number): CreateOrderRequest {
  const lines = 1 + (index % 3);
  return {
    service: 'standard',
    description: `bench #${index}`,
    destination: {
      name: `Buyer ${index}`,
      street1: '1 Bench Way',
      city: 'Reno',
      state: 'NV',
      zip: '89501',
      country: 'US',
    },
    line_items: Array.from({ length: lines }, (_, line) => ({
      product: { barcode: BARCODES[(index + line) % BARCODES.length] ?? '' },
      units: 1 + line,
    })),
  };
}

function describeError(error: unknown): string {
  return error instanceof EasyPostError ? `${error.kind}: ${error.message}` : `unclassified: ${String(error)}`;
}

/**
 * Sends `orders` orders through createOrderIdempotently against a faulty simulator, retrying like the send activity
 * (checkExistingFirst from attempt 2), then counts what the simulator holds per marker.
 */
export async function runCreateBench(options: CreateBenchOptions): Promise<CreateBenchReport> {
  const timeoutMs = options.timeoutMs ?? 1000;
  const sim = await startEasyPostSimulator({ port: 0, rateLimitPerSecond: null });
  try {
    const { test_key: apiKey } = sim.control.createAccount({ name: 'bench' });
    sim.control.seed({
      api_key: apiKey,
      warehouses: [{ name: 'Reno', short_name: 'RNO' }],
      products: BARCODES.map((barcode) => ({ barcode, title: `Bench item ${barcode}` })),
      stock: BARCODES.map((barcode) => ({ barcode, warehouse: 'RNO', quantity: PLENTY })),
    });
    for (const rule of faultRules(options.faultRate, timeoutMs)) sim.control.addFault(rule);

    let requests = 0;
    const countingFetch: typeof fetch = (input, init) => {
      requests += 1;
      return fetch(input, init);
    };
    const client = createEasyPostClient({ apiKey, baseUrl: sim.apiBaseUrl, timeoutMs, fetch: countingFetch });

    const runId = Date.now().toString(36);
    const markers = Array.from({ length: options.orders }, (_, i) =>
      orderMarker(orderWorkflowId(`bench-${runId}`, String(i))),
    );
    const startedAt = new Date();
    const started = performance.now();
    const tally = { attempts: 0, adopted: 0, failed: 0, unclassified: 0, errors: [] as string[] };

    let next = 0;
    const worker = async () => {
      for (let index = next++; index < options.orders; index = next++) {
        const marker = markers[index] ?? '';
        const outcome = await retryLikeTemporal(
          (attempt) =>
            createOrderIdempotently(client, orderRequest(index), {
              marker,
              checkExistingFirst: attempt > 1,
              createdAfter: startedAt,
            }),
          POLICY,
        );
        tally.attempts += outcome.attempts;
        if (outcome.ok) {
          if (outcome.value.adopted) tally.adopted += 1;
          continue;
        }
        if (outcome.error instanceof EasyPostError) tally.failed += 1;
        else tally.unclassified += 1;
        if (tally.errors.length < MAX_ERRORS_KEPT) tally.errors.push(describeError(outcome.error));
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const wallMs = performance.now() - started;

    sim.control.clearFaults();
    const held = sim.control.orders(apiKey).filter((order) => order.status !== 'cancelled');
    const perMarker = markers.map((marker) => held.filter((order) => hasMarker(order.description, marker)).length);
    const faultsByKind = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
    for (const { fault } of sim.control.requests()) if (fault) faultsByKind[fault] += 1;

    return {
      intendedOrders: options.orders,
      simOrders: held.length,
      duplicates: perMarker.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
      missing: perMarker.filter((count) => count === 0).length,
      unclassified: tally.unclassified,
      failed: tally.failed,
      adopted: tally.adopted,
      attempts: tally.attempts,
      requests,
      faultsByKind,
      wallMs,
      requestsPerSecond: requests / (wallMs / 1000),
      errors: tally.errors,
    };
  } finally {
    await sim.close();
  }
}

/** What makes a run fail: any duplicate, missing order or unclassified error. */
export function benchProblems(report: CreateBenchReport): string[] {
  return [
    report.duplicates > 0 ? `${report.duplicates} duplicate orders` : '',
    report.missing > 0 ? `${report.missing} missing orders` : '',
    report.unclassified > 0 ? `${report.unclassified} unclassified errors` : '',
  ].filter(Boolean);
}
