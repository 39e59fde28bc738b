import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { Cart } from '../db/carts';
import type { Merchant } from '../db/merchants';
import {
  DUPLICATE_CHECK_SECONDS,
  duplicateCheckScheduleId,
  EXCEPTIONS_ALERT_SCHEDULE_ID,
  inventoryPickupScheduleId,
  inventoryPushScheduleId,
  pullScheduleId,
  shipmentPickupScheduleId,
  WorkflowType,
} from '../../workflows/definitions';
import type { duplicateCheckWorkflow } from '../../workflows/duplicates';
import type { exceptionsAlertWorkflow } from '../../workflows/exceptions-alert';
import type { inventoryPickupWorkflow } from '../../workflows/inventory-pickup';
import type { inventoryPushWorkflow } from '../../workflows/inventory-push';
import type { pullOrdersWorkflow } from '../../workflows/pull';
import type { shipmentPickupWorkflow } from '../../workflows/shipment-pickup';

const EXCEPTIONS_ALERT_SECONDS = 300;

/** Carts that are not a shop to talk to (orders typed in by operators) have no pull or inventory-push schedule. */
const OFFLINE_CART_TYPES = new Set(['manual']);

export interface ReconcileResult {
  created: string[];
  updated: string[];
  deleted: string[];
}

/** A schedule epf wants, with the interval reconciling compares. */
interface Desired {
  options: ScheduleOptions;
  everySeconds: number;
}

/** What schedules are derived from. */
export interface ScheduleSources {
  carts: Cart[];
  merchants: Merchant[];
  /** EXCEPTIONS_WEBHOOK_URL is set: the `exceptions-alert` schedule runs. */
  exceptionsAlert?: boolean;
}

/**
 * A schedule running `workflowType` every `everySeconds`: overlapping runs skipped (a run still busy makes the next
 * redundant), a short catch-up window (after an outage one run is enough), and a memo that scopes reconciling.
 */
function every(
  everySeconds: number,
  scheduleId: string,
  workflowType: string,
  args: unknown[],
  taskQueue: string,
  memo: Record<string, string>,
): Desired {
  return {
    everySeconds,
    options: {
      scheduleId,
      spec: { intervals: [{ every: `${everySeconds} seconds` }] },
      action: { type: 'startWorkflow', workflowType, workflowId: scheduleId, taskQueue, args },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
      // The task queue in the memo scopes reconciling: a deployment (or a test) manages only its own schedules.
      memo: { ...memo, taskQueue },
    },
  };
}

/** Every schedule the carts and merchants in PostgreSQL call for. */
export function desiredSchedules(sources: ScheduleSources, taskQueue: string): Desired[] {
  const shops = sources.carts.filter((cart) => !OFFLINE_CART_TYPES.has(cart.type));
  const pulls = shops.map((cart) =>
    every(
      cart.settings.orderPullSeconds,
      pullScheduleId(cart.id),
      WorkflowType.pullOrders,
      [{ cartId: cart.id }] satisfies Parameters<typeof pullOrdersWorkflow>,
      taskQueue,
      { merchantId: cart.merchantId, cartType: cart.type },
    ),
  );
  const inventoryPushes = shops.map((cart) =>
    every(
      cart.settings.inventoryPushSeconds,
      inventoryPushScheduleId(cart.id),
      WorkflowType.inventoryPush,
      [{ cartId: cart.id }] satisfies Parameters<typeof inventoryPushWorkflow>,
      taskQueue,
      { merchantId: cart.merchantId, cartType: cart.type },
    ),
  );
  const shipmentPickups = sources.merchants.map((merchant) =>
    every(
      merchant.settings.shipmentPickupSeconds,
      shipmentPickupScheduleId(merchant.id),
      WorkflowType.shipmentPickup,
      [{ merchantId: merchant.id }] satisfies Parameters<typeof shipmentPickupWorkflow>,
      taskQueue,
      { merchantId: merchant.id },
    ),
  );
  const inventoryPickups = sources.merchants.map((merchant) =>
    every(
      merchant.settings.inventoryPickupSeconds,
      inventoryPickupScheduleId(merchant.id),
      WorkflowType.inventoryPickup,
      [{ merchantId: merchant.id }] satisfies Parameters<typeof inventoryPickupWorkflow>,
      taskQueue,
      { merchantId: merchant.id },
    ),
  );
  const duplicateChecks = sources.merchants.map((merchant) =>
    every(
      DUPLICATE_CHECK_SECONDS,
      duplicateCheckScheduleId(merchant.id),
      WorkflowType.duplicateCheck,
      [{ merchantId: merchant.id }] satisfies Parameters<typeof duplicateCheckWorkflow>,
      taskQueue,
      { merchantId: merchant.id },
    ),
  );
  const exceptionsAlert = sources.exceptionsAlert
    ? [
        every(
          EXCEPTIONS_ALERT_SECONDS,
          EXCEPTIONS_ALERT_SCHEDULE_ID,
          WorkflowType.exceptionsAlert,
          [] satisfies Parameters<typeof exceptionsAlertWorkflow>,
          taskQueue,
          {},
        ),
      ]
    : [];
  return [
    ...pulls,
    ...shipmentPickups,
    ...inventoryPickups,
    ...inventoryPushes,
    ...duplicateChecks,
    ...exceptionsAlert,
  ];
}

/**
 * Makes Temporal's schedules on `taskQueue` match the carts and merchants in PostgreSQL: creates missing ones,
 * updates changed intervals, deletes those of carts and merchants that are gone. Idempotent: run it at start-up and
 * after every configuration change.
 */
export async function reconcileSchedules(
  client: Client,
  sources: ScheduleSources,
  taskQueue: string,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { created: [], updated: [], deleted: [] };
  const wanted = new Map(desiredSchedules(sources, taskQueue).map((desired) => [desired.options.scheduleId, desired]));
  const existing = new Set<string>();
  for await (const schedule of client.schedule.list()) {
    if (schedule.memo?.taskQueue === taskQueue) existing.add(schedule.scheduleId);
  }

  for (const [scheduleId, { options, everySeconds }] of wanted) {
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
    const currentEveryMs = current.spec.intervals?.[0]?.every;
    const currentQueue = current.action.type === 'startWorkflow' ? current.action.taskQueue : undefined;
    if (currentEveryMs === everySeconds * 1000 && currentQueue === taskQueue) continue;
    await handle.update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: options.policies,
    }));
    result.updated.push(scheduleId);
  }

  for (const scheduleId of [...existing].sort()) {
    if (wanted.has(scheduleId)) continue;
    await client.schedule.getHandle(scheduleId).delete();
    result.deleted.push(scheduleId);
  }
  return result;
}
