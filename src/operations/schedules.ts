import type { FieldChanges } from '../db/audit';
import { reconcileSchedules, type ReconcileResult } from '../schedules/reconcile';
import { loadScheduleSources } from '../schedules/sources';
import type { OperationDeps } from './deps';

/** Makes Temporal's schedules match PostgreSQL now, so a new or changed merchant or cart applies at once. */
export async function reconcileNow(deps: Pick<OperationDeps, 'pool' | 'temporal'>): Promise<ReconcileResult> {
  const { client, taskQueue } = await deps.temporal();
  return reconcileSchedules(client, await loadScheduleSources(deps.pool), taskQueue);
}

/** reconcileNow after a change, or nothing when no field changed. */
export async function reconcileAfter(
  deps: Pick<OperationDeps, 'pool' | 'temporal'>,
  changes: FieldChanges,
): Promise<ReconcileResult> {
  if (Object.keys(changes.after).length === 0) return { created: [], updated: [], deleted: [] };
  return reconcileNow(deps);
}
