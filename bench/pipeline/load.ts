import type { ActivityTimings } from './activity-timings';
import { median, medianTimeSpent, percentile, timeSpent, type TimeSpent } from './history';
import type { PipelineStack } from './stack';

/** Histories read after each timed run: enough for a median, few enough to read quickly. */
const HISTORY_SAMPLE = 20;

/** p50 and p99 in milliseconds. */
export interface Latency {
  p50: number;
  p99: number;
}

export interface LoadFigures {
  orders: number;
  wallMs: number;
  ordersPerSecond: number;
  /** Start (the floor) or submit (the pipeline) → the workflow waits for its shipment. */
  toReadyMs: Latency;
  /** History of a sample of the timed orders: median events, and median time by where it went. */
  sampled: number;
  eventsPerOrder: number;
  timeSpentMs: TimeSpent;
  /** Measured in the worker over the timed run: local activities too, which history does not time. */
  activityMs: ActivityTimings;
  /**
   * Share of the timed run the bench process's main thread was busy (0–1): it runs the driver, the activities, the
   * payload codec and the in-process simulator; workflow code runs on worker threads.
   */
  mainThreadBusy: number;
  /** CPU the bench process used, in cores (all its threads; the Temporal server and PostgreSQL are not in it). */
  processCores: number;
}

/** `total` runs of `one`, `concurrency` at a time (each lane starts the next as soon as its last ends). */
export async function runAtConcurrency<T>(
  total: number,
  concurrency: number,
  one: (index: number) => Promise<T>,
): Promise<{ results: T[]; wallMs: number; perSecond: number }> {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const index = next;
      next += 1;
      results[index] = await one(index);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  const wallMs = performance.now() - started;
  return { results, wallMs, perSecond: total / (wallMs / 1000) };
}

/** What every timed order reports. */
export interface TimedOrder {
  workflowId: string;
  toReadyMs: number;
}

/** `orders` split into `rounds` blocks as evenly as they go. */
export function blockSizes(orders: number, rounds: number): number[] {
  const count = Math.min(rounds, orders);
  return Array.from({ length: count }, (_, i) => Math.floor(orders / count) + (i < orders % count ? 1 : 0));
}

/**
 * One side's timed load, run in blocks that the caller alternates with the other side's, so that a change in the
 * machine's load (other processes) weighs on both alike. Wall time, main-thread and CPU use add up over the blocks.
 */
export function createLoad<T extends TimedOrder>(
  concurrency: number,
  runner: (prefix: string) => (index: number) => Promise<T>,
) {
  const results: T[] = [];
  const totals = { wallMs: 0, active: 0, idle: 0, cpuMicros: 0 };
  return {
    results,
    /** One order per lane, not counted: JIT, connections and caches warm. */
    async warmUp(): Promise<void> {
      await runAtConcurrency(concurrency, concurrency, runner('warm'));
    },
    async block(size: number): Promise<void> {
      const [loop, cpu] = [performance.eventLoopUtilization(), process.cpuUsage()];
      const run = await runAtConcurrency(size, concurrency, runner(`timed${results.length}`));
      const used = performance.eventLoopUtilization(loop);
      const { user, system } = process.cpuUsage(cpu);
      results.push(...run.results);
      totals.wallMs += run.wallMs;
      totals.active += used.active;
      totals.idle += used.idle;
      totals.cpuMicros += user + system;
    },
    /** The figures of the blocks run so far, with a sample of their histories. */
    async figures(stack: PipelineStack, activityMs: ActivityTimings): Promise<LoadFigures> {
      const step = Math.max(1, Math.floor(results.length / HISTORY_SAMPLE));
      const sample = results.filter((_, index) => index % step === 0).slice(0, HISTORY_SAMPLE);
      const histories = [];
      for (const { workflowId } of sample) histories.push(await eventsOf(stack, workflowId));
      return {
        orders: results.length,
        wallMs: totals.wallMs,
        ordersPerSecond: results.length / (totals.wallMs / 1000),
        toReadyMs: latency(results.map((r) => r.toReadyMs)),
        sampled: histories.length,
        eventsPerOrder: median(histories.map((events) => events.length)),
        timeSpentMs: medianTimeSpent(histories.map(timeSpent)),
        activityMs,
        mainThreadBusy: totals.active / (totals.active + totals.idle),
        processCores: totals.cpuMicros / 1000 / totals.wallMs,
      };
    },
  };
}

export async function eventsOf(stack: PipelineStack, workflowId: string) {
  return (await stack.bareClient.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
}

export function latency(values: number[]): Latency {
  return { p50: percentile(values, 0.5), p99: percentile(values, 0.99) };
}
