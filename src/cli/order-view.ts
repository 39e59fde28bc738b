import type { OrderRow } from '../db/orders';
import { formatTime } from './format';

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
