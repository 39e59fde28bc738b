import { ApplicationFailure, Context } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { createActivities } from '../../activities';
import type { PreparedOrder, PrepareOptions } from '../../activities/order';
import { orderWorkflowId, type CartOrder } from '../../src/domain/order';
import type { OrderStatus } from '../../src/domain/order-status';
import { orderWorkflow } from '../../workflows';
import {
  OrderFailure,
  statusQuery,
  type OrderTimings,
  type OrderTransition,
  type ShipmentUpdate,
} from '../../workflows/definitions';
import { sampleOrder } from '../helpers/orders';
import { pollUntil } from '../helpers/poll';
import { createTestWorker, uniqueTaskQueue } from '../helpers/temporal';

type Activities = ReturnType<typeof createActivities>;
export type SendOutcome = 'ok' | 'stock' | 'invalid' | 'auth';

/** What the fakes saw, for assertions. */
export interface FakeLog {
  transitions: OrderTransition[];
  /** Server time at which each send was scheduled (time-skipping clock, not the wall clock). */
  sendTimes: Date[];
  sends: Parameters<Activities['sendOrder']>[0][];
  cancels: number;
  /** Cancels of orders the workflow never learnt the EasyPost ID of (`cancelSentOrder`). */
  sentCancels: number;
  pushes: Parameters<Activities['pushTracking']>[0][];
  /** Server time at which each accepted push was scheduled. */
  pushTimes: Date[];
  cartAnswers: Parameters<Activities['answerCartCancellation']>[0][];
  pushRefusals: number;
  /** Send attempts turned away as rate limited. */
  rateLimited: number;
}

export interface FakeOptions {
  /** Outcomes of successive sends; once used up, every send succeeds. */
  sends?: SendOutcome[];
  /** Outcome of every send, after `sends` (e.g. always out of stock). */
  thereafter?: SendOutcome;
  cancel?: 'ok' | 'refused' | 'auth';
  /** What `cancelSentOrder` finds at EasyPost: nothing (default), an order it cancels, a picked one, or no answer. */
  sentOrder?: 'none' | 'found' | 'refused' | 'auth';
  /** Packages an adopted order already shipped, returned by the first successful send. */
  adoptedShipments?: ShipmentUpdate[];
  /** How many tracking pushes the cart refuses before it accepts them. */
  pushRefusals?: number;
  resend?: { hour: number; minute?: number; zone: string };
  /** How many send attempts are turned away as rate limited (retryable, a minute later) before sends go through. */
  rateLimitedSends?: number;
  /** Admission waits of successive preparations that take a send slot (ms); once used up, 0. */
  sendSlotWaits?: number[];
  /** The merchant's order delivery (default: immediately). */
  delivery?: OrderTimings['delivery'];
  /** The cart's tracking upload interval (default: 0, at once). */
  trackingUploadSeconds?: number;
}

/** Typed fakes of the order activities: the workflow under test runs against them on the time-skipping server. */
export function fakeOrderActivities(options: FakeOptions = {}): { activities: Partial<Activities>; log: FakeLog } {
  const log: FakeLog = {
    transitions: [],
    sendTimes: [],
    sends: [],
    cancels: 0,
    sentCancels: 0,
    pushes: [],
    pushTimes: [],
    cartAnswers: [],
    pushRefusals: 0,
    rateLimited: 0,
  };
  const queue = [...(options.sends ?? [])];
  const slotWaits = [...(options.sendSlotWaits ?? [])];
  // As the real activity: an order sent now, or delivered immediately, takes a send slot.
  const admits = ({ sendingNow }: PrepareOptions) =>
    sendingNow === true || (options.delivery ?? { mode: 'immediately' }).mode === 'immediately';
  const activities: Partial<Activities> = {
    async prepareOrder(order: CartOrder, prepareOptions = {}): Promise<PreparedOrder> {
      const unknown = order.lines.findIndex((line) => line.sku.startsWith('UNKNOWN'));
      if (unknown >= 0) {
        const problem = { field: `lines[${unknown}].sku`, message: 'unknown SKU: add an alias' };
        throw ApplicationFailure.nonRetryable(
          `${problem.field}: ${problem.message}`,
          OrderFailure.InvalidOrder,
          problem,
        );
      }
      const lines = order.lines.map((line) => ({ barcode: `bc-${line.sku}`, units: line.quantity }));
      return {
        request: {
          service: 'standard',
          destination: order.shipTo,
          line_items: lines.map(({ barcode, units }) => ({ product: { barcode }, units })),
        },
        lines,
        warehouseId: 'wh_test',
        warehouseReason: 'default warehouse',
        resend: { minute: 0, ...(options.resend ?? { hour: 1, zone: 'America/Los_Angeles' }) },
        sendAfterMs: admits(prepareOptions) ? (slotWaits.shift() ?? 0) : 0,
        timings: {
          delivery: options.delivery ?? { mode: 'immediately' },
          trackingUploadSeconds: options.trackingUploadSeconds ?? 0,
        },
      };
    },
    async sendOrder(input) {
      if (log.rateLimited < (options.rateLimitedSends ?? 0)) {
        log.rateLimited += 1;
        throw ApplicationFailure.create({
          message: 'at the merchant EasyPost rate',
          type: OrderFailure.EasyPostRateLimited,
          nextRetryDelay: '1 minute',
        });
      }
      log.sends.push(input);
      log.sendTimes.push(new Date(Context.current().info.currentAttemptScheduledTimestampMs));
      const outcome = queue.shift() ?? options.thereafter ?? 'ok';
      if (outcome === 'stock') {
        throw ApplicationFailure.nonRetryable('Not enough stock for 850621000008', OrderFailure.InsufficientInventory);
      }
      if (outcome === 'invalid') {
        throw ApplicationFailure.nonRetryable('destination.zip: invalid', OrderFailure.InvalidOrder, {
          field: 'destination.zip',
        });
      }
      if (outcome === 'auth') throw ApplicationFailure.nonRetryable('401 bad key', OrderFailure.AuthFailed);
      const easyPostOrderId = `order_${log.sends.length.toString().padStart(32, '0')}`;
      const shipments = options.adoptedShipments;
      return shipments ? { easyPostOrderId, adopted: true, shipments } : { easyPostOrderId, adopted: false };
    },
    async cancelEasyPostOrder() {
      log.cancels += 1;
      if (options.cancel === 'refused') {
        throw ApplicationFailure.nonRetryable('Order is picked', OrderFailure.CancelRefused);
      }
      if (options.cancel === 'auth') throw ApplicationFailure.nonRetryable('401 bad key', OrderFailure.AuthFailed);
    },
    async cancelSentOrder() {
      log.sentCancels += 1;
      const found = 'order_sent_earlier';
      if (options.sentOrder === 'refused') {
        throw ApplicationFailure.nonRetryable('Order is picked', OrderFailure.CancelRefused, {
          easyPostOrderId: found,
        });
      }
      if (options.sentOrder === 'auth') throw ApplicationFailure.nonRetryable('401 bad key', OrderFailure.AuthFailed);
      return options.sentOrder === 'found' ? [found] : [];
    },
    async recordOrderTransitions(transitions) {
      log.transitions.push(...transitions);
    },
    async pushTracking(input) {
      if ((options.pushRefusals ?? 0) > log.pushes.length + log.pushRefusals) {
        log.pushRefusals += 1;
        throw ApplicationFailure.nonRetryable('Order 1001 is closed in the cart', OrderFailure.CartRefused);
      }
      log.pushes.push(input);
      log.pushTimes.push(new Date(Context.current().info.currentAttemptScheduledTimestampMs));
    },
    async answerCartCancellation(input) {
      log.cartAnswers.push(input);
    },
  };
  return { activities, log };
}

/** Polls the `status` query until the order reaches `status` (workflow tasks run in real time). */
export async function waitForStatus(handle: WorkflowHandle, status: OrderStatus, timeoutMs = 15_000): Promise<void> {
  let seen: OrderStatus | undefined;
  await pollUntil(async () => (seen = (await handle.query(statusQuery)).status) === status, {
    timeoutMs,
    describe: () => `order stayed ${seen}, expected ${status}`,
  });
}

/**
 * Ends a workflow a test left waiting: on the shared time-skipping server, a held order whose worker is gone would
 * hold every later test's clock (its timers fire workflow tasks nobody completes).
 */
export async function terminateIfRunning(handle: WorkflowHandle): Promise<void> {
  const { status } = await handle.describe();
  if (status.name === 'RUNNING') await handle.terminate('test finished');
}

/** Starts an order workflow on a fresh queue with fake activities, runs `body`, then ends the workflow and worker. */
export async function runOrder(
  env: TestWorkflowEnvironment,
  options: FakeOptions,
  body: (ctx: { handle: WorkflowHandle<typeof orderWorkflow>; log: FakeLog }) => Promise<void>,
  order: CartOrder = sampleOrder(),
): Promise<void> {
  const taskQueue = uniqueTaskQueue('order');
  const { activities, log } = fakeOrderActivities(options);
  const worker = await createTestWorker(env, taskQueue, activities);
  await worker.runUntil(async () => {
    const handle = await env.client.workflow.start(orderWorkflow, {
      taskQueue,
      workflowId: orderWorkflowId(order.cartId, order.cartOrderId),
      args: [{ order }],
    });
    try {
      await body({ handle, log });
    } finally {
      await terminateIfRunning(handle);
    }
  });
}
