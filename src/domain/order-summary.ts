import type { CartOrder } from './order';
import { STATUS_LABELS, type OrderStatus } from './order-status';

const MAX_LENGTH = 200;

// Cart data is free text: one line, no runaway lengths.
const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/**
 * The Temporal Web UI summary of an order workflow, one line of at most 200 characters. City and country only:
 * no names, street, email or phone (PII), no secrets.
 */
export function orderSummary(
  order: CartOrder,
  status: OrderStatus,
  extra: { easyPostOrderId?: string; holdCount?: number; nextResendAt?: Date; deliverAt?: Date } = {},
): string {
  const items = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  const parts = [
    oneLine(order.cartOrderNumber, 40),
    `${oneLine(order.shipTo.city, 40)}, ${order.shipTo.country}`,
    `${items} ${items === 1 ? 'item' : 'items'}`,
    STATUS_LABELS[status],
  ];
  if (extra.easyPostOrderId) parts.push(oneLine(extra.easyPostOrderId, 40));
  if (extra.holdCount) parts.push(`held ${extra.holdCount}×`);
  if (extra.nextResendAt) parts.push(`resend ${extra.nextResendAt.toISOString().slice(0, 16)}Z`);
  if (extra.deliverAt) parts.push(`to warehouse ${extra.deliverAt.toISOString().slice(0, 16)}Z`);
  return oneLine(parts.join(' · '), MAX_LENGTH);
}
