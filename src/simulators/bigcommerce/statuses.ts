/** BigCommerce's order statuses by ID (V2 `GET /order_statuses`; docs/bigcommerce-api.md §4). */
export const ORDER_STATUSES: Record<number, string> = {
  0: 'Incomplete',
  1: 'Pending',
  2: 'Shipped',
  3: 'Partially Shipped',
  4: 'Refunded',
  5: 'Cancelled',
  6: 'Declined',
  7: 'Awaiting Payment',
  8: 'Awaiting Pickup',
  9: 'Awaiting Shipment',
  10: 'Completed',
  11: 'Awaiting Fulfillment',
  12: 'Manual Verification Required',
  13: 'Disputed',
  14: 'Partially Refunded',
};

export const SHIPPED = 2;
export const PARTIALLY_SHIPPED = 3;
export const CANCELLED = 5;
export const AWAITING_FULFILLMENT = 11;
