import type { FastifyReply } from 'fastify';

/**
 * A store's request quota as BigCommerce counts it (docs/bigcommerce-api.md §2): a fixed window, every request one
 * unit, and four headers on every answer. Apps share a store's quota; the simulator has one client per store.
 */
export class QuotaWindow {
  private startedAt = 0;
  private used = 0;

  constructor(
    private readonly quota: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request; false when the window's quota is spent. */
  take(now = Date.now()): boolean {
    if (now - this.startedAt >= this.windowMs) {
      this.startedAt = now;
      this.used = 0;
    }
    if (this.used >= this.quota) return false;
    this.used += 1;
    return true;
  }

  resetMs(now = Date.now()): number {
    return Math.max(0, this.startedAt + this.windowMs - now);
  }

  headers(now = Date.now()): Record<string, string> {
    return {
      'x-rate-limit-time-window-ms': String(this.windowMs),
      'x-rate-limit-time-reset-ms': String(this.resetMs(now)),
      'x-rate-limit-requests-quota': String(this.quota),
      'x-rate-limit-requests-left': String(Math.max(0, this.quota - this.used)),
    };
  }
}

/** The quota headers of an exhausted window that resets in `resetMs` (also what the `rate_limit` fault sends). */
export function exhaustedHeaders(quota: number, windowMs: number, resetMs: number): Record<string, string> {
  return {
    'x-rate-limit-time-window-ms': String(windowMs),
    'x-rate-limit-time-reset-ms': String(resetMs),
    'x-rate-limit-requests-quota': String(quota),
    'x-rate-limit-requests-left': '0',
  };
}

export function sendHeaders(reply: FastifyReply, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
}
