// What `merchants set` and `carts set` share: only the options given change, the change is printed, and the
// schedules follow it at once.
import type { FieldChanges } from '../db/audit';
import { reconcileSchedules } from '../schedules/reconcile';
import { loadScheduleSources } from '../schedules/sources';
import type { CliContext } from './context';

/** The options the operator gave: commander leaves the others undefined, and they keep their stored values. */
export function givenOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One `field: before -> after` line per changed field, or `nothing changed`. */
export function formatChanges(changes: FieldChanges): string {
  const fields = Object.keys(changes.after);
  if (fields.length === 0) return 'nothing changed';
  return fields.map((field) => `${field}: ${show(changes.before[field])} -> ${show(changes.after[field])}`).join('\n');
}

/** Makes Temporal's schedules match PostgreSQL now and prints the schedules that changed, so settings apply at once. */
export async function reconcileNow(ctx: CliContext): Promise<void> {
  const { client, taskQueue } = await ctx.temporal();
  const schedules = await reconcileSchedules(client, await loadScheduleSources(await ctx.pool()), taskQueue);
  for (const [change, ids] of Object.entries(schedules))
    if (ids.length) console.log(`schedules ${change}: ${ids.join(', ')}`);
}
