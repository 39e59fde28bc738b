import type { Pool } from 'pg';
import { createDatabaseActivities } from './database';

/** What activities are built from; the worker builds it once, tests pass their own. */
export interface ActivityDeps {
  pool: Pool;
}

/** Every activity the worker registers, as closures over shared dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createDatabaseActivities(deps.pool),
  };
}
