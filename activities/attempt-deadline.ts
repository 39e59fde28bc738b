import { Context } from '@temporalio/activity';

/**
 * Kept short of Temporal's start-to-close: the attempt's local start is a little after the server's, and the retry must
 * never find this attempt still talking to a cart or EasyPost.
 */
export const DEADLINE_MARGIN_MS = 2_000;

const startedAt = new WeakMap<Context, number>();

/** Every activity, noting when its attempt began, so its calls know the attempt's deadline (`attemptDeadline`). */
export function withAttemptClock<T extends object>(activities: T): T {
  const timed: Record<string, unknown> = {};
  for (const [name, activity] of Object.entries(activities)) {
    timed[name] = (...args: unknown[]) => {
      startedAt.set(Context.current(), Date.now());
      return (activity as (...a: unknown[]) => unknown)(...args);
    };
  }
  return timed as T;
}

/** The current attempt: when Temporal gives up on it (less the margin), and its cancellation. */
export interface AttemptDeadline {
  deadline: number;
  signal: AbortSignal;
}

/** Undefined outside an activity, or in one that has no start-to-close timeout. */
export function attemptDeadline(): AttemptDeadline | undefined {
  let context: Context;
  try {
    context = Context.current();
  } catch {
    return undefined; // a CLI or test call, not an activity
  }
  const { startToCloseTimeoutMs } = context.info;
  if (!(startToCloseTimeoutMs > 0)) return undefined;
  // An activity the wrapper did not start (a test's fake worker): its first call is as close as we can know.
  if (!startedAt.has(context)) startedAt.set(context, Date.now());
  return {
    deadline: startedAt.get(context)! + startToCloseTimeoutMs - DEADLINE_MARGIN_MS,
    signal: context.cancellationSignal,
  };
}
