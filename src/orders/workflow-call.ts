import { isGrpcDeadlineError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';

// Queries and updates wait for a worker; without one they would hang, so callers give up after this long.
const WORKER_WAIT_SECONDS = 10;

/** Why a call to an order's workflow failed, in one line the operator can act on. */
export class WorkflowCallError extends Error {
  override readonly name = 'WorkflowCallError';
  constructor(
    readonly kind: 'finished' | 'refused' | 'no worker',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs `call` against one workflow (the CLI and the API); Temporal's failures become a WorkflowCallError: the
 * workflow has finished, the workflow rejected the request (its own message), or no worker answered.
 */
export async function callWorkflow<T>(client: Client, workflowId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await client.connection.withDeadline(Date.now() + WORKER_WAIT_SECONDS * 1000, call);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new WorkflowCallError('finished', `${workflowId}: ${err.message}`);
    if (err instanceof WorkflowUpdateFailedError) {
      throw new WorkflowCallError('refused', `${workflowId} refused: ${err.cause?.message ?? err.message}`);
    }
    if (isGrpcDeadlineError(err)) {
      throw new WorkflowCallError(
        'no worker',
        `${workflowId}: no worker answered within ${WORKER_WAIT_SECONDS} s; is the worker running?`,
      );
    }
    throw err;
  }
}
