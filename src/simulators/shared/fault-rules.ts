/**
 * Fault rules, as every simulator draws them: a rule names a route key (or `*`), fires with probability `rate`, at
 * most `times` times, drawing from its own seeded generator when it has a `seed`. What a fault does to the answer is
 * the simulator's business; this only decides whether one applies.
 * API: `new FaultRules<T>(random, newId)`, then `add(rule)`, `remove(id)`, `clear()`, `draw(routeKey)`.
 */
import { seededRandom, type Random } from './random';

/** What every rule carries; simulators add their own fields (kind, latency, status, ...). */
export interface FaultRuleInput {
  route: string;
  rate: number;
  times?: number;
  seed?: number;
}

/** A rule as stored: the simulator's fields plus its id and how often it fired. */
export type FaultRule<T extends FaultRuleInput> = T & { id: string; fired: number };

/** The injected faults; the first matching rule whose draw succeeds applies to a request. */
export class FaultRules<T extends FaultRuleInput> {
  private rules: { rule: FaultRule<T>; random: Random }[] = [];

  constructor(
    private readonly random: Random,
    private readonly newId: () => string,
  ) {}

  add(input: T): { id: string } {
    const rule: FaultRule<T> = { ...input, id: this.newId(), fired: 0 };
    this.rules.push({ rule, random: input.seed === undefined ? this.random : seededRandom(input.seed) });
    return { id: rule.id };
  }

  remove(id: string): void {
    this.rules = this.rules.filter(({ rule }) => rule.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for a request to `route`, counting it against the rule's `times`. */
  draw(route: string): FaultRule<T> | undefined {
    const match = this.rules.find(
      ({ rule, random }) =>
        (rule.route === '*' || rule.route === route) &&
        (rule.times === undefined || rule.fired < rule.times) &&
        random() < rule.rate,
    );
    if (match) match.rule.fired += 1;
    return match?.rule;
  }
}
