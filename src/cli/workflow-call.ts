import { isGrpcDeadlineError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { CliError } from './errors';

// Queries and updates wait for a worker; without one they would hang, so the CLI gives up after this long.
const WORKER_WAIT_SECONDS = 10;

/**
 * Runs `call` against one workflow; Temporal's failures become one line the operator can act on: the workflow has
 * finished, the workflow rejected the request (its own message), or no worker answered.
 */
export async function callWorkflow<T>(client: Client, workflowId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await client.connection.withDeadline(Date.now() + WORKER_WAIT_SECONDS * 1000, call);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw new CliError(`${workflowId}: ${err.message}`);
    if (err instanceof WorkflowUpdateFailedError) {
      throw new CliError(`${workflowId} refused: ${err.cause?.message ?? err.message}`);
    }
    if (isGrpcDeadlineError(err)) {
      throw new CliError(`${workflowId}: no worker answered within ${WORKER_WAIT_SECONDS} s; is the worker running?`);
    }
    throw err;
  }
}
