import { isDeepStrictEqual } from 'node:util';
import type { PoolClient } from 'pg';

/** The changed fields only, with their values before and after: what an audit row records and the CLI prints. */
export interface FieldChanges {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The fields whose values differ between `before` and `after` (a missing value counts as null). */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = { before: {}, after: {} };
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [from, to] = [before[field] ?? null, after[field] ?? null];
    if (isDeepStrictEqual(from, to)) continue;
    changes.before[field] = from;
    changes.after[field] = to;
  }
  return changes;
}

/** One audit_log row, written on the caller's transaction so it commits with the change it records. */
export async function recordAudit(
  client: PoolClient,
  entry: { actor: string; action: string; merchantId: string; cartId?: string; detail: object },
): Promise<void> {
  await client.query(
    'INSERT INTO audit_log (actor, action, merchant_id, cart_id, detail) VALUES ($1, $2, $3, $4, $5)',
    [entry.actor, entry.action, entry.merchantId, entry.cartId ?? null, entry.detail],
  );
}
