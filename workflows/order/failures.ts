import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import type { OrderRun } from './run';

/** Records why a call failed, for the status view and the index; returns the failure when it is a named one. */
export function recordFailure(run: OrderRun, err: unknown): ApplicationFailure | undefined {
  const failure = applicationFailureOf(err);
  run.state.lastError = {
    message: failure?.message ?? String(err),
    type: failure?.type ?? undefined,
    field: fieldOf(failure),
  };
  return failure;
}

/** The named failure behind an activity's failure: its own, or the last attempt's when its time ran out. */
export function applicationFailureOf(err: unknown): ApplicationFailure | undefined {
  let cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof TimeoutFailure) cause = cause.cause;
  return cause instanceof ApplicationFailure ? cause : undefined;
}

/** The EasyPost order a refused cancel named (`cancelSentOrder` puts it in the failure's details). */
export function easyPostOrderIdOf(failure: ApplicationFailure): string | undefined {
  const detail = failure.details?.[0] as { easyPostOrderId?: unknown } | undefined;
  return typeof detail?.easyPostOrderId === 'string' ? detail.easyPostOrderId : undefined;
}

function fieldOf(failure: ApplicationFailure | undefined): string | undefined {
  const detail = failure?.details?.[0] as { field?: unknown } | undefined;
  return typeof detail?.field === 'string' ? detail.field : undefined;
}
