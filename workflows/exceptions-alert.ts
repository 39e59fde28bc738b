import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { ExceptionAlertResult } from '../activities/exceptions-alert';

const { alertNewExceptions } = proxyActivities<ReturnType<typeof createActivities>>({
  // One query and one POST. A webhook down for longer waits for the next run, 5 minutes later, which sends the
  // same exceptions (they are marked only once accepted).
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

/** Posts new exceptions to EXCEPTIONS_WEBHOOK_URL (run by the `exceptions-alert` schedule). */
export async function exceptionsAlertWorkflow(): Promise<ExceptionAlertResult> {
  return alertNewExceptions();
}
