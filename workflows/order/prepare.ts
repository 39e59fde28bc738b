import type { PreparedOrder } from '../../activities/order';
import { describeProblems, parseCartOrder } from '../../src/domain/order';
import { OrderFailure } from '../definitions';
import { prepareOrder } from './activities';
import { recordFailure } from './failures';
import type { OrderRun } from './run';

/** Validates the draft; false (with the problems in lastError) while it is malformed. */
export function validate(run: OrderRun): boolean {
  if (run.order) return true;
  const parsed = parseCartOrder(run.draft);
  if (parsed.ok) {
    run.order = parsed.order;
    return true;
  }
  const message = describeProblems(parsed.problems);
  run.state.lastError = { message, field: parsed.problems[0]?.field, type: OrderFailure.InvalidOrder };
  return false;
}

/**
 * Translates the order for EasyPost and takes the settings that time it, and a send slot when it goes now;
 * undefined (lastError set) when invalid.
 */
export async function prepare(run: OrderRun, sendingNow: boolean): Promise<PreparedOrder | undefined> {
  const { state } = run;
  try {
    // A resend first looks for the order an earlier attempt may have created: two requests instead of one.
    const sendRequests = state.firstSendAt === undefined ? 1 : 2;
    const prepared = await prepareOrder(run.order!, { sendingNow, sendRequests });
    run.resend = prepared.resend;
    state.timings = prepared.timings;
    state.chosenWarehouseId = prepared.warehouseId;
    state.warehouseId = prepared.warehouseId;
    return prepared;
  } catch (err) {
    recordFailure(run, err);
    return undefined;
  }
}
