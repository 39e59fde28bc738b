import type { WooHttp } from './http';
import { wooNotesSchema } from './schemas';

/**
 * Adds an order note unless one already contains `marker`: a retried activity must not leave two notes.
 * `customer` notes are e-mailed to the buyer and shown in their account; private ones only in wp-admin.
 */
export async function addNoteOnce(
  http: WooHttp,
  orderId: string,
  note: { text: string; marker: string; customer: boolean },
): Promise<void> {
  const path = `wc/v3/orders/${encodeURIComponent(orderId)}/notes`;
  const existing = wooNotesSchema.parse((await http('GET', path, { query: { type: 'any' } })).body);
  if (existing.some((entry) => entry.note.includes(note.marker))) return;
  await http('POST', path, { body: { note: note.text, customer_note: note.customer } });
}
