import type { OrderStatus } from './order-status';

/** An order as the orders index (PostgreSQL) keeps it: what the store returns and exceptions are judged on. */
export interface OrderRow {
  cart_id: string;
  cart_order_id: string;
  cart_order_number: string;
  merchant_id: string;
  workflow_id: string;
  status: OrderStatus;
  easypost_order_id: string | null;
  warehouse_id: string | null;
  last_error: string | null;
  /** The field and failure type of `last_error` (e.g. `shipMethod`, `InvalidOrder`). */
  last_error_field: string | null;
  last_error_type: string | null;
  hold_count: number;
  next_resend_at: Date | null;
  summary: string | null;
  /** When the current hold began (the daily resend's pass through `sending` does not end it); null when not held. */
  held_since: Date | null;
  received_at: Date;
  updated_at: Date;
}
