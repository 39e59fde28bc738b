// What a chaos run does to the stack: the faults it asks the simulators for, and when to kill the worker and restart
// PostgreSQL.
import type { Random } from '../src/simulators/shared/random';
import { FAULT_KINDS, type FaultKind } from './fault-kinds';
import type { Simulators } from './stack';

/** The kinds of `names` a run asks for: those whose side fails some calls (`rates.carts` 0 isolates EasyPost). */
export function askedKinds(names: readonly string[], rates: FaultRates): FaultKind[] {
  return FAULT_KINDS.filter((kind) => names.includes(kind.name) && rates[kind.side] > 0);
}

export interface FaultRates {
  easypost: number;
  carts: number;
}

/** Switches each kind on at its side's rate, each with its own seed so a run can be replayed. */
export function injectFaults(sims: Simulators, kinds: readonly FaultKind[], rates: FaultRates, seed: number): void {
  kinds.forEach((kind, i) => kind.inject(sims, { rate: rates[kind.side], seed: seed + i }));
}

/** How many times each kind fired, from the simulators' control APIs. */
export function countFaults(sims: Simulators, kinds: readonly FaultKind[]): Record<string, number> {
  return Object.fromEntries(kinds.map((kind) => [kind.name, kind.fired(sims)]));
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
