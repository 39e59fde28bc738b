import type { Order } from '../../../src/easypost';

/** A parsed order with sensible defaults; timestamps are ISO like the schema's output. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
  return {
    id: 'order_1',
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
    status: 'created',
    description: null,
    line_items: [],
    picks: [],
    trackers: [],
    fees: [],
    ...overrides,
  };
}

/** Wire JSON for an order, as the API sends it (integer seconds). */
export function wireOrder(id: string, extra: Record<string, unknown> = {}) {
  return { id, created_at: 1704067200, updated_at: 1704067200, status: 'created', ...extra };
}
