// What `merchants set` and `carts set` share: only the options given change, and the change and the schedules that
// followed it are printed.
import type { FieldChanges } from '../db/audit';
import type { ReconcileResult } from '../schedules/reconcile';
import { CliError } from './errors';

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

/** Prints the schedules that reconciling created, updated or deleted: the change applies at once. */
export function printSchedules(schedules: ReconcileResult | undefined): void {
  for (const [change, ids] of Object.entries(schedules ?? {}))
    if (ids.length) console.log(`schedules ${change}: ${ids.join(', ')}`);
}

/** Prints what a `set` changed and the schedules that followed; undefined (nothing to set) is `missing`, an error. */
export function printUpdate(
  updated: { changes: FieldChanges; schedules: ReconcileResult } | undefined,
  missing: string,
): asserts updated {
  if (!updated) throw new CliError(missing);
  console.log(formatChanges(updated.changes));
  printSchedules(updated.schedules);
}
