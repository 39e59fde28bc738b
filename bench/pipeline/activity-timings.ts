import { percentile } from './history';

/** Per activity: calls per order, and milliseconds per call (measured in the worker, so local activities too). */
export type ActivityTimings = Record<string, { perOrder: number; p50: number; p99: number }>;

/** Collects the worker's activity durations over one timed run. */
export function createActivityTimings() {
  let calls = new Map<string, number[]>();
  return {
    ran(name: string, ms: number): void {
      calls.set(name, [...(calls.get(name) ?? []), ms]);
    },
    reset(): void {
      calls = new Map();
    },
    summary(orders: number): ActivityTimings {
      return Object.fromEntries(
        [...calls].map(([name, times]) => [
          name,
          { perOrder: times.length / orders, p50: percentile(times, 0.5), p99: percentile(times, 0.99) },
        ]),
      );
    },
  };
}
