/**
 * The `POST /__sim/faults` body every simulator takes, and the rule it becomes. Each API adds how a rule names its
 * target (`route` or `operation`) and validates with its own error shape.
 * API: `faultFields(kinds)`, `InjectedFault<K>`, `toInjectedFault(route, input)`.
 */
import { z } from 'zod';
import type { FaultRuleInput } from './fault-rules';

/** The knobs of a fault body after the target: spread them into the API's `z.object({ route, ...faultFields(...) })`. */
export function faultFields<const K extends readonly [string, ...string[]]>(kinds: K) {
  return {
    kind: z.enum(kinds),
    rate: z.number().min(0).max(1).default(1),
    times: z.number().int().positive().optional(),
    latency_ms: z.number().int().nonnegative().default(1000),
    retry_after_s: z.number().int().nonnegative().default(1),
    status: z.number().int().min(500).max(599).default(503),
    /** Seeds this rule's own random draws, so `rate` < 1 is reproducible. */
    seed: z.number().int().optional(),
  };
}

/** A stored fault rule: what to do (`kind`) and its knobs; `route` is the API's own name for its target. */
export interface InjectedFault<K extends string> extends FaultRuleInput {
  kind: K;
  times: number | undefined;
  seed: number | undefined;
  latencyMs: number;
  retryAfterS: number;
  status: number;
}

/** A parsed fault body as a rule for `route` (already normalised by the API). */
export function toInjectedFault<K extends string>(
  route: string,
  input: {
    kind: K;
    rate: number;
    times?: number;
    seed?: number;
    latency_ms: number;
    retry_after_s: number;
    status: number;
  },
): InjectedFault<K> {
  return {
    route,
    kind: input.kind,
    rate: input.rate,
    times: input.times,
    seed: input.seed,
    latencyMs: input.latency_ms,
    retryAfterS: input.retry_after_s,
    status: input.status,
  };
}
