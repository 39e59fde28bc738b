import type { Order } from './state';
import type { SimSettings } from './context';

/** Fulfillment events the simulator publishes (docs §9). */
export type EventName = 'fulfillment.order.created' | 'fulfillment.order.updated' | 'fulfillment.order.refunded';

/** Where order operations report what happened; the webhook dispatcher listens. */
export type Publish = (description: EventName, order: Order, previousAttributes: Record<string, unknown>) => void;

/** What order operations need besides the ledger. */
export interface OrderContext {
  services: readonly string[];
  /** What a create does with `warehouse_id` (the `order_warehouse_id` setting). */
  warehouseId: SimSettings['order_warehouse_id'];
  publish: Publish;
}
