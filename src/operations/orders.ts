import type { Client } from '@temporalio/client';
import type { OrderStatus } from '../domain/order-status';
import { callWorkflow } from '../orders/workflow-call';
import { cancelSignal, fixOrderUpdate, retryNowSignal, type OrderFix } from '../../workflows/definitions';

// What an operator asks of one order's workflow, by its ID (the API and the CLI resolve a ref to it each in their own
// words). A workflow that has finished, refuses or has no worker is a WorkflowCallError.

/** Cancels the order: locally before the warehouse has it, at EasyPost after. */
export async function cancelOrder(client: Client, workflowId: string, reason: string): Promise<void> {
  await callWorkflow(client, workflowId, () =>
    client.workflow.getHandle(workflowId).signal(cancelSignal, { reason, source: 'operator' }),
  );
}

/** Resends an order in on_hold or error now instead of at the next resend. */
export async function retryOrder(client: Client, workflowId: string): Promise<void> {
  await callWorkflow(client, workflowId, () => client.workflow.getHandle(workflowId).signal(retryNowSignal));
}

/** Corrects an order in error or on_hold and resends it; answers its new status. */
export async function fixOrder(client: Client, workflowId: string, fix: OrderFix): Promise<OrderStatus> {
  return callWorkflow(client, workflowId, () =>
    client.workflow.getHandle(workflowId).executeUpdate(fixOrderUpdate, { args: [fix] }),
  );
}
