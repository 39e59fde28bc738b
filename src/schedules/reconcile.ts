import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { Cart } from '../db/carts';
import { pullScheduleId } from '../../workflows/definitions';
import type { pullOrdersWorkflow } from '../../workflows/pull-orders';

/** Carts with nothing to pull (orders typed in by operators) have no pull schedule. */
const PULLLESS_CART_TYPES = new Set(['manual']);
const PULL_PREFIX = pullScheduleId('');

export interface ReconcileResult {
  created: string[];
  updated: string[];
  deleted: string[];
}

/** The pull schedule a cart should have: every `orderPullSeconds`, overlapping runs skipped, short catch-up. */
export function pullScheduleFor(cart: Cart, taskQueue: string): ScheduleOptions {
  return {
    scheduleId: pullScheduleId(cart.id),
    spec: { intervals: [{ every: `${cart.settings.orderPullSeconds} seconds` }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'pullOrdersWorkflow',
      workflowId: pullScheduleId(cart.id),
      taskQueue,
      args: [{ cartId: cart.id }] satisfies Parameters<typeof pullOrdersWorkflow>,
    },
    // A pull still paging when the next is due makes the next redundant; after an outage one catch-up pull is enough.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
    // The task queue in the memo scopes reconciling: a deployment (or a test) manages only its own schedules.
    memo: { merchantId: cart.merchantId, cartType: cart.type, taskQueue },
  };
}

/**
 * Makes Temporal's `pull:*` schedules on `taskQueue` match the carts in PostgreSQL: creates missing ones, updates
 * changed intervals, deletes those of carts that are gone. Idempotent: run it at start-up and after every cart change.
 */
export async function reconcilePullSchedules(
  client: Client,
  carts: Cart[],
  taskQueue: string,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { created: [], updated: [], deleted: [] };
  const wanted = new Map(
    carts.filter((cart) => !PULLLESS_CART_TYPES.has(cart.type)).map((cart) => [pullScheduleId(cart.id), cart]),
  );
  const existing = new Set<string>();
  for await (const schedule of client.schedule.list()) {
    if (schedule.scheduleId.startsWith(PULL_PREFIX) && schedule.memo?.taskQueue === taskQueue) {
      existing.add(schedule.scheduleId);
    }
  }

  for (const [scheduleId, cart] of wanted) {
    const options = pullScheduleFor(cart, taskQueue);
    if (!existing.has(scheduleId)) {
      try {
        await client.schedule.create(options);
        result.created.push(scheduleId);
        continue;
      } catch (err) {
        // Created meanwhile (visibility lags, or another reconciler won): fall through to update it.
        if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      }
    }
    const handle = client.schedule.getHandle(scheduleId);
    const current = await handle.describe();
    const everyMs = current.spec.intervals?.[0]?.every;
    const currentQueue = current.action.type === 'startWorkflow' ? current.action.taskQueue : undefined;
    if (everyMs === cart.settings.orderPullSeconds * 1000 && currentQueue === taskQueue) continue;
    await handle.update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: options.policies,
    }));
    result.updated.push(scheduleId);
  }

  for (const scheduleId of existing) {
    if (wanted.has(scheduleId)) continue;
    await client.schedule.getHandle(scheduleId).delete();
    result.deleted.push(scheduleId);
  }
  return result;
}
