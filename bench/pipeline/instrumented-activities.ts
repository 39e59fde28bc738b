import { Context } from '@temporalio/activity';
import type { createActivities } from '../../activities';

type Activities = ReturnType<typeof createActivities>;

/** What the driver hears from inside the worker, keyed by workflow ID. */
export interface ActivityHooks {
  /** The EasyPost order exists (sendOrder returned). */
  sent(workflowId: string, easyPostOrderId: string): void;
  /** The workflow recorded the state where it waits for the shipment. */
  ready(workflowId: string): void;
  /** One call of an activity (local or not) took `ms`, measured inside the worker. */
  ran(name: string, ms: number): void;
}

/**
 * The real activities, timed, with two taps the driver needs to time an order without polling Temporal or
 * PostgreSQL: polling at load would cost the server and the worker more than the orders themselves. History has no
 * local-activity durations, so the timing here is the only place they show.
 */
export function instrumentedActivities(activities: Activities, hooks: ActivityHooks): Activities {
  const tapped: Activities = {
    ...activities,
    async sendOrder(input) {
      const sent = await activities.sendOrder(input);
      hooks.sent(input.workflowId, sent.easyPostOrderId);
      return sent;
    },
    async recordOrderTransitions(transitions) {
      await activities.recordOrderTransitions(transitions);
      for (const transition of transitions) if (transition.status === 'at_wms') hooks.ready(transition.workflowId);
    },
  };
  return timed(tapped, hooks);
}

/** The floor's no-op activities; `ready` marks the step after which the floor waits for its signal. */
export function floorActivities(hooks: Omit<ActivityHooks, 'sent'>) {
  const tap = (ready: boolean) => {
    const workflowId = Context.current().info.workflowExecution?.workflowId;
    if (ready && workflowId) hooks.ready(workflowId);
  };
  return timed(
    {
      async floorActivity(ready: boolean): Promise<void> {
        tap(ready);
      },
      async floorLocalActivity(ready: boolean): Promise<void> {
        tap(ready);
      },
    },
    hooks,
  );
}

function timed<T extends Record<string, (...args: never[]) => Promise<unknown>>>(
  activities: T,
  hooks: Pick<ActivityHooks, 'ran'>,
): T {
  const wrap = <F extends (...args: never[]) => Promise<unknown>>(name: string, fn: F) =>
    (async (...args: Parameters<F>) => {
      const started = performance.now();
      try {
        return await fn(...args);
      } finally {
        hooks.ran(name, performance.now() - started);
      }
    }) as F;
  return Object.fromEntries(Object.entries(activities).map(([name, fn]) => [name, wrap(name, fn)])) as T;
}
