// One chaos run, start to verdict: the stack, the load, the faults and disruptions, restocking, the drain, the audit.
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '../src/simulators/shared/random';
import { audit } from './audit';
import { disrupt } from './disrupt';
import {
  actOnOrders,
  lowStockState,
  progressOf,
  readIndex,
  retryHeldLowStock,
  runPullsAndPickups,
  shipWhatIsLeft,
  statusesOf,
  type CancelsByState,
  type IndexRow,
} from './drive';
import { DEFAULT_FAULT_KIND_NAMES } from './fault-kinds';
import { askedKinds, countFaults, injectFaults, planDisruptions } from './faults';
import { createStores, placeOrder, planOrders, restockLowStock, type PlannedOrder } from './load';
import { observe } from './observe';
import type { ChaosReport } from './report';
import { startChaosStack } from './stack';

export interface ChaosOptions {
  orders: number;
  seed: number;
  /** Share of simulator calls that fail, over every fault kind. */
  faultRate: number;
  /** The same for the carts' simulators; default `faultRate`. */
  cartFaultRate?: number;
  /** The fault kinds to ask for (`FAULT_KINDS` names); default all but the opt-in ones. Each must fire at least once. */
  faultKinds?: readonly string[];
  workerKills: number;
  drainTimeoutMs: number;
  runDir: string;
  workflowBundlePath?: string;
  log?: (line: string) => void;
  /** Ends the run early (Ctrl-C): it stops waiting, audits what there is and stops its servers. */
  signal?: AbortSignal;
}

/** Orders arrive in 20 waves, one per tick, so faults and kills meet orders at every stage. */
const WAVES = 20;
const TICK_MS = 500;
/** How long the run waits for cancels on hold to land once every low-stock order is held, before restocking. */
const RESTOCK_WAIT_MS = 15_000;
/** How long after the restock the inventory pickup has to wake the held orders, before the run retries them. */
const WAKE_WAIT_MS = 20_000;

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const plans = planOrders(options.orders, random);
  const plan = planDisruptions(random, options.workerKills);
  const stack = await startChaosStack(options);
  let stopped = false;
  try {
    const stores = await createStores(stack, options.orders);
    log(`stack ready in ${options.runDir}; ${options.orders} orders arriving`);
    const cartFaultRate = options.cartFaultRate ?? options.faultRate;
    const rates = { easypost: options.faultRate, carts: cartFaultRate };
    const kinds = askedKinds(options.faultKinds ?? DEFAULT_FAULT_KIND_NAMES, rates);
    injectFaults(stack.sims, kinds, rates, options.seed);
    const runs = runPullsAndPickups(stack, stores);
    const planned: PlannedOrder[] = [];
    let progress = 0;
    const disrupted = disrupt(
      stack,
      plan,
      random,
      () => progress,
      () => stopped,
      log,
    );

    const startedAt = Date.now();
    const acted = new Set<string>();
    const cancels: CancelsByState = {};
    let restockedAt: number | undefined;
    let heldAt: number | undefined;
    const retried = new Set<string>();
    let lastLog = startedAt;
    let index: Map<string, IndexRow> | undefined;
    while (progress < 1 && Date.now() - startedAt < options.drainTimeoutMs && !options.signal?.aborted) {
      const wave = Math.min(options.orders, planned.length + Math.ceil(options.orders / WAVES));
      while (planned.length < wave)
        planned.push(placeOrder(stack.sims, stores, planned.length, plans[planned.length]!));
      // While PostgreSQL is away nothing is acted on; the last index still serves the log line.
      const fresh = await readIndex(stack, stores);
      if (fresh) {
        index = fresh;
        actOnOrders(stack, planned, index, acted, cancels);
        progress = progressOf(planned, options.orders, index);
        // Stock arrives once every low-stock order is held and those to cancel on hold are cancelled, or a while after
        // they are all held (a cancel held up by faults then meets a later state), or at half the drain timeout
        // whatever the state, so a run never stalls on it; the audit shows an order never held.
        const lowStock = planned.length === options.orders ? lowStockState(planned, index) : 'waiting';
        if (lowStock !== 'waiting') heldAt ??= Date.now();
        const restockDue =
          lowStock === 'settled' ||
          (heldAt !== undefined && Date.now() - heldAt > RESTOCK_WAIT_MS) ||
          Date.now() - startedAt > options.drainTimeoutMs / 2;
        if (restockedAt === undefined && restockDue) {
          restockLowStock(stack.sims, options.orders);
          restockedAt = Date.now() - startedAt;
          log(`${(restockedAt / 1000).toFixed(0)} s: low-stock product restocked`);
        }
        if (restockedAt !== undefined && Date.now() - startedAt - restockedAt > WAKE_WAIT_MS) {
          await retryHeldLowStock(stack, planned, index, retried);
        }
      }
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        const waiting =
          restockedAt !== undefined || !index
            ? ''
            : `; low-stock orders ${statusesOf(planned, index, (o) => o.lowStock)}`;
        log(`${((lastLog - startedAt) / 1000).toFixed(0)} s: ${(progress * 100).toFixed(0)}% done${waiting}`);
      }
      await sleep(TICK_MS);
    }
    const drainSeconds = (Date.now() - startedAt) / 1000;
    stopped = true;
    const [counts] = await Promise.all([disrupted, runs.stop()]);
    const shippedAtEnd = shipWhatIsLeft(stack);
    const observed = await observe(stack, stores, planned);
    return {
      ...counts,
      seed: options.seed,
      orders: options.orders,
      faultRate: options.faultRate,
      cartFaultRate,
      plannedKills: options.workerKills,
      audit: audit(observed.orders, observed.strays),
      faults: countFaults(stack.sims, kinds),
      cancels,
      restockSeconds: restockedAt === undefined ? undefined : restockedAt / 1000,
      retriedHeld: retried.size,
      shippedAtEnd,
      crashes: stack.crashes,
      failedRuns: runs.failures(),
      drained: progress >= 1,
      drainSeconds,
      runDir: options.runDir,
    };
  } finally {
    stopped = true;
    await stack.close();
  }
}
