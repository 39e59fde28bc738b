import type { BigCommerceHttp } from './http';
import { bcOrderStatusSchema } from './schemas';

/**
 * Appends a line to the order's staff notes (seen only in the control panel) unless they already contain `marker`:
 * a retried activity must not write it twice.
 */
export async function addStaffNoteOnce(http: BigCommerceHttp, orderId: string, text: string): Promise<void> {
  const path = `v2/orders/${encodeURIComponent(orderId)}`;
  const order = bcOrderStatusSchema.parse((await http('GET', path)).body);
  const existing = order.staff_notes ?? '';
  if (existing.includes(text)) return;
  await http('PUT', path, { body: { staff_notes: existing ? `${existing}\n${text}` : text } });
}
