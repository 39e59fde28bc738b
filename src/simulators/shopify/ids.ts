/** Shopify's global IDs: `gid://shopify/<Type>/<number>`; numbers grow per simulator, like Shopify's. */
export class IdSequence {
  constructor(private next = 1001) {}

  /** The number the next ID gets (a state file keeps it, so IDs never repeat). */
  peek(): number {
    return this.next;
  }

  gid(type: string): string {
    return `gid://shopify/${type}/${this.next++}`;
  }
}

/** The number at the end of a gid (or the input, when it is already a bare number). */
export function numericTail(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1);
}
