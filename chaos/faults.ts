// What a chaos run does to the stack: faults at the simulators, and when to kill the worker and restart PostgreSQL.
import type { Random } from '../src/simulators/shared/random';
import type { Simulators } from './stack';

/** Kinds every simulator injects on any API call; EasyPost's order create also commits and never answers. */
export const CALL_FAULTS = ['server_error', 'rate_limit', 'reset', 'latency'] as const;
export const CREATE_FAULT = 'commit_then_timeout';

/** The rate of each of `kinds` rules drawn one after another, so that together they hit `total` of the calls. */
export function perRuleRate(total: number, kinds: number): number {
  return 1 - (1 - total) ** (1 / kinds);
}

/**
 * Adds the fault rules to the three simulators (`rates.carts` for Shopify and WooCommerce, so a run can isolate
 * EasyPost), each rule with its own seed so a run can be replayed.
 */
export function injectFaults(sims: Simulators, rates: { easypost: number; carts: number }, seed: number): void {
  // Short waits: the run is about surviving faults, not about waiting for them.
  const knobs = <K extends string>(kind: K, index: number, total: number) => ({
    kind,
    rate: perRuleRate(total, CALL_FAULTS.length),
    seed: seed + index,
    latency_ms: 300,
  });
  if (rates.easypost > 0) {
    sims.easypost.control.addFault({ route: 'POST /orders', ...knobs(CREATE_FAULT, 100, rates.easypost) });
  }
  CALL_FAULTS.forEach((kind, i) => {
    if (rates.easypost > 0) sims.easypost.control.addFault({ route: '*', ...knobs(kind, i, rates.easypost) });
    if (rates.carts > 0) {
      sims.shopify.control.addFault({ operation: '*', ...knobs(kind, 10 + i, rates.carts) });
      sims.woocommerce.control.addFault({ route: '*', ...knobs(kind, 20 + i, rates.carts) });
    }
  });
}

/** Faults the simulators injected, by kind, from their request logs. */
export function countFaults(sims: Simulators): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sim of Object.values(sims)) {
    for (const { fault } of sim.control.requests()) if (fault) counts[fault] = (counts[fault] ?? 0) + 1;
  }
  return counts;
}

export interface Disruptions {
  /** Progress (0..1) at which the worker is killed, ascending. */
  kills: number[];
  /** Progress at which PostgreSQL restarts. */
  postgresRestart: number;
}

/** Random moments of the run, as shares of its progress, so they land while orders flow whatever the run's size. */
export function planDisruptions(random: Random, kills: number): Disruptions {
  const moment = () => 0.05 + random() * 0.65;
  return { kills: Array.from({ length: kills }, moment).sort((a, b) => a - b), postgresRestart: moment() };
}
