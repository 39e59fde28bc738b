import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import type { DuplicateCheckInput, DuplicateCheckResult } from '../activities/duplicates';

const { checkDuplicatesAtEasyPost } = proxyActivities<ReturnType<typeof createActivities>>({
  // Up to 200 pages of EasyPost's orders at the merchant's request rate.
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

/**
 * One duplicate check for a merchant (run by the `duplicates:<merchantId>` schedule): any order EasyPost holds twice
 * under one marker becomes a `duplicate_at_warehouse` exception. Only counts enter the history.
 */
export async function duplicateCheckWorkflow(input: DuplicateCheckInput): Promise<DuplicateCheckResult> {
  return checkDuplicatesAtEasyPost(input);
}
