import type { Client } from '@temporalio/client';
import type { OrderFilter, OrderIndex, OrderRow } from '../db/orders';
import { canCancel, canFix, type OrderStatus } from '../domain/order-status';
import { cancelOrder, retryOrder } from './orders';
import { OperationError } from './errors';

export const BULK_ACTIONS = ['retry', 'cancel'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Which orders of the orders index a bulk action takes; at least one is required. */
export type BulkFilter = Omit<OrderFilter, 'limit'>;

export interface BulkRequest {
  action: BulkAction;
  filter: BulkFilter;
  /** Why, for the audit log: required to cancel. */
  reason?: string;
  /** Count what would be done and do nothing. */
  dryRun?: boolean;
}

export interface BulkSummary {
  dryRun: boolean;
  /** Orders the filter matched. */
  matched: number;
  /** Matched orders the action applies to (their status allows it): done, failed, or in a dry run none of both. */
  planned: number;
  done: number;
  /** Matched orders whose status the action does not apply to (a retry of a shipped order). */
  skipped: number;
  failed: { workflowId: string; error: string }[];
}

// Signals in flight at once: enough to finish thousands in seconds, few enough not to crowd out the workers.
const CONCURRENCY = 8;

// Retry resends what waits (on_hold, error), as `orders retry`; cancel takes what may still be cancelled.
const APPLIES: Record<BulkAction, (status: OrderStatus) => boolean> = { retry: canFix, cancel: canCancel };

/**
 * Retries or cancels every order of the index the filter matches, as `orders retry|cancel` would one by one. Status
 * is the index's: an order that moved on meanwhile is refused by its workflow or ignores the signal. One order's
 * failure is recorded and the rest go on. `onProgress` hears how many of the planned orders are handled.
 */
export async function runBulkOrderAction(
  deps: { client: Client; orders: Pick<OrderIndex, 'pages'> },
  request: BulkRequest,
  onProgress: (handled: number, planned: number) => void = () => {},
): Promise<BulkSummary> {
  const { action, filter } = request;
  if (Object.values(filter).every((value) => value === undefined)) {
    throw new OperationError('invalid', 'give at least one filter: status, merchant, cart or since');
  }
  const reason = request.reason ?? '';
  if (action === 'cancel' && !reason.trim()) throw new OperationError('invalid', 'say why: it is audited', 'reason');

  const matched: OrderRow[] = [];
  for await (const rows of deps.orders.pages(filter)) matched.push(...rows);
  const planned = matched.filter((row) => APPLIES[action](row.status)).map((row) => row.workflow_id);
  const summary: BulkSummary = {
    dryRun: request.dryRun === true,
    matched: matched.length,
    planned: planned.length,
    done: 0,
    skipped: matched.length - planned.length,
    failed: [],
  };
  if (summary.dryRun) return summary;

  const act = (workflowId: string) =>
    action === 'cancel' ? cancelOrder(deps.client, workflowId, reason) : retryOrder(deps.client, workflowId);
  let next = 0;
  onProgress(0, planned.length);
  const worker = async () => {
    for (let workflowId = planned[next++]; workflowId !== undefined; workflowId = planned[next++]) {
      try {
        await act(workflowId);
        summary.done++;
      } catch (err) {
        summary.failed.push({ workflowId, error: err instanceof Error ? err.message.split('\n')[0]! : String(err) });
      }
      onProgress(summary.done + summary.failed.length, planned.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, planned.length) }, worker));
  return summary;
}
