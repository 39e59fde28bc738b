import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';

const { checkDatabase } = proxyActivities<ReturnType<typeof createActivities>>({
  // A health check must answer quickly or fail: a short timeout and few retries.
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3, initialInterval: '200 milliseconds' },
});

export interface HealthCheckResult {
  database: { serverVersion: string; appliedMigrations: number };
}

/** Proves the whole chain works: Temporal dispatches to a live worker, whose activities reach PostgreSQL. */
export async function healthCheckWorkflow(): Promise<HealthCheckResult> {
  return { database: await checkDatabase() };
}
