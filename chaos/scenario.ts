// One chaos run, start to verdict: the stack, the load, the faults and disruptions, the drain, the audit.
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '../src/simulators/shared/random';
import { audit } from './audit';
import { disrupt } from './disrupt';
import { actOnWarehouseOrders, progressOf, readIndex, runPullsAndPickups } from './drive';
import { countFaults, injectFaults, planDisruptions } from './faults';
import { createStores, placeOrder, planFates, type PlannedOrder } from './load';
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

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed);
  const fates = planFates(options.orders, random);
  const plan = planDisruptions(random, options.workerKills);
  const stack = await startChaosStack(options);
  let stopped = false;
  try {
    const stores = await createStores(stack, options.orders);
    log(`stack ready in ${options.runDir}; ${options.orders} orders arriving`);
    const cartFaultRate = options.cartFaultRate ?? options.faultRate;
    injectFaults(stack.sims, { easypost: options.faultRate, carts: cartFaultRate }, options.seed);
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
    let lastLog = startedAt;
    while (progress < 1 && Date.now() - startedAt < options.drainTimeoutMs && !options.signal?.aborted) {
      const wave = Math.min(options.orders, planned.length + Math.ceil(options.orders / WAVES));
      while (planned.length < wave)
        planned.push(placeOrder(stack.sims, stores, planned.length, fates[planned.length]!));
      const index = await readIndex(stack, stores);
      if (index) {
        actOnWarehouseOrders(stack, planned, index, acted);
        progress = progressOf(planned, options.orders, index);
      }
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(`${((lastLog - startedAt) / 1000).toFixed(0)} s: ${(progress * 100).toFixed(0)}% done`);
      }
      await sleep(TICK_MS);
    }
    const drainSeconds = (Date.now() - startedAt) / 1000;
    stopped = true;
    const [counts] = await Promise.all([disrupted, runs.stop()]);
    const observed = await observe(stack, stores, planned);
    return {
      ...counts,
      seed: options.seed,
      orders: options.orders,
      faultRate: options.faultRate,
      cartFaultRate,
      plannedKills: options.workerKills,
      audit: audit(observed.orders, observed.strays),
      faults: countFaults(stack.sims),
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
