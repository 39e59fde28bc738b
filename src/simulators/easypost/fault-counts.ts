/**
 * How often each fault kind and listing mode fired since the start or the last reset, for harnesses that must show
 * a fault they asked for really happened (the request log keeps one fault per request and can be cleared).
 */
export class FiredCounts<K extends string> {
  private readonly counts = new Map<K, number>();

  add(kind: K): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  /** Every kind that fired at least once, with its count. */
  snapshot(): Partial<Record<K, number>> {
    return Object.fromEntries(this.counts) as Partial<Record<K, number>>;
  }

  clear(): void {
    this.counts.clear();
  }
}
