// What a stretch of an order's history costs: events, and Temporal Cloud actions estimated from them. Pure.
import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

export interface HistoryCost {
  events: number;
  /** Billable actions by the rules of docs.temporal.io/cloud/actions, as far as a history shows them. */
  actions: number;
  /** Actions by kind: `timer`, `activity`, `activity retry`, `local activities` (one per workflow task), ... */
  actionsByKind: Record<string, number>;
}

/** Counts events and estimated actions of `events` (a slice of one history, in order). */
export function historyCost(events: readonly HistoryEvent[]): HistoryCost {
  const byKind: Record<string, number> = {};
  const add = (kind: string) => (byKind[kind] = (byKind[kind] ?? 0) + 1);
  // Local activities are billed per workflow task that ran any: one action however many markers follow a completion.
  let taskHadMarker = false;
  for (const event of events) {
    if (event.workflowExecutionStartedEventAttributes) add('workflow start');
    if (event.activityTaskScheduledEventAttributes) add('activity');
    const attempt = event.activityTaskStartedEventAttributes?.attempt ?? 1;
    if (attempt > 1) add('activity retry');
    if (event.timerStartedEventAttributes) add('timer');
    if (event.workflowExecutionSignaledEventAttributes) add('signal');
    if (event.upsertWorkflowSearchAttributesEventAttributes) add('search attribute upsert');
    if (event.workflowTaskCompletedEventAttributes) taskHadMarker = false;
    if (event.markerRecordedEventAttributes && !taskHadMarker) {
      taskHadMarker = true;
      add('local activities');
    }
  }
  return {
    events: events.length,
    actions: Object.values(byKind).reduce((sum, n) => sum + n, 0),
    actionsByKind: byKind,
  };
}
