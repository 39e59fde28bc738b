import type { OrderRow } from '../db/orders';
import { formatTime } from './format';

/** An orders-index row as `--json` prints it: the field names of the workflow's status view. */
export function orderJson(row: OrderRow) {
  return {
    cartId: row.cart_id,
    cartOrderId: row.cart_order_id,
    cartOrderNumber: row.cart_order_number,
    merchantId: row.merchant_id,
    workflowId: row.workflow_id,
    status: row.status,
    easyPostOrderId: row.easypost_order_id ?? undefined,
    warehouseId: row.warehouse_id ?? undefined,
    lastError: row.last_error ?? undefined,
    holdCount: row.hold_count,
    nextResendAt: row.next_resend_at?.toISOString(),
    summary: row.summary ?? undefined,
    receivedAt: row.received_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const ORDER_TABLE_HEADERS = ['CART', 'NUMBER', 'STATUS', 'EASYPOST ID', 'HOLDS', 'NEXT RESEND', 'UPDATED'];

/** One line of `epf orders list`. */
export function orderTableRow(row: OrderRow): (string | undefined)[] {
  return [
    row.cart_id,
    row.cart_order_number,
    row.status,
    row.easypost_order_id ?? undefined,
    String(row.hold_count),
    formatTime(row.next_resend_at),
    formatTime(row.updated_at),
  ];
}
