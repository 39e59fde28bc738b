// What one workflow cost, read from its history: events, activities, local activities, and where its time went.
import { temporal } from '@temporalio/proto';
import type { FloorStep } from './floor-workflows';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const EventType = temporal.api.enums.v1.EventType;
const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

export interface HistoryCost {
  events: number;
  activities: number;
  localActivities: number;
  workflowTasks: number;
  /** Events by type (`ACTIVITY_TASK_SCHEDULED`: 2, ...): where the events go. */
  eventsByType: Record<string, number>;
}

export function historyCost(events: HistoryEvent[]): HistoryCost {
  const eventsByType: Record<string, number> = {};
  for (const event of events) {
    const name = (EventType[event.eventType ?? 0] ?? 'UNKNOWN').replace(/^EVENT_TYPE_/, '');
    eventsByType[name] = (eventsByType[name] ?? 0) + 1;
  }
  return {
    events: events.length,
    activities: eventsByType.ACTIVITY_TASK_SCHEDULED ?? 0,
    localActivities: events.filter(isLocalActivity).length,
    workflowTasks: eventsByType.WORKFLOW_TASK_COMPLETED ?? 0,
    eventsByType,
  };
}

/** The floor's script: a happy order's activities, local activities and signal, in the order its history has them. */
export function floorSteps(events: HistoryEvent[]): FloorStep[] {
  return events.flatMap((event): FloorStep[] => {
    if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) return ['activity'];
    if (isLocalActivity(event)) return ['local'];
    if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED) return ['signal'];
    return [];
  });
}

/** Milliseconds one workflow spent, by kind; `waiting` is the rest: the driver's signal, time between tasks. */
export interface TimeSpent {
  total: number;
  /** Workflow tasks scheduled → started: waiting for a worker poller. */
  workflowTaskQueue: number;
  /** Workflow tasks started → completed: workflow code, payload codec, and local activities run inside the task. */
  workflowTaskRun: number;
  /** Per activity type: scheduled → started (queue) and started → closed (run). */
  activities: Record<string, { queue: number; run: number }>;
  waiting: number;
}

export function timeSpent(events: HistoryEvent[]): TimeSpent {
  const at = (event: HistoryEvent | undefined) => millis(event?.eventTime);
  const byId = new Map(events.map((event) => [Number(event.eventId), event]));
  const spent: TimeSpent = { total: 0, workflowTaskQueue: 0, workflowTaskRun: 0, activities: {}, waiting: 0 };
  for (const event of events) {
    const wft = event.workflowTaskCompletedEventAttributes;
    if (wft) {
      const started = byId.get(Number(wft.startedEventId));
      spent.workflowTaskQueue += at(started) - at(byId.get(Number(wft.scheduledEventId)));
      spent.workflowTaskRun += at(event) - at(started);
    }
    const activity = event.activityTaskCompletedEventAttributes;
    if (activity) {
      const scheduled = byId.get(Number(activity.scheduledEventId));
      const started = byId.get(Number(activity.startedEventId));
      const name = scheduled?.activityTaskScheduledEventAttributes?.activityType?.name ?? 'unknown';
      const sums = (spent.activities[name] ??= { queue: 0, run: 0 });
      sums.queue += at(started) - at(scheduled);
      sums.run += at(event) - at(started);
    }
  }
  spent.total = at(events.at(-1)) - at(events[0]);
  const activityTime = Object.values(spent.activities).reduce((sum, a) => sum + a.queue + a.run, 0);
  spent.waiting = spent.total - spent.workflowTaskQueue - spent.workflowTaskRun - activityTime;
  return spent;
}

/** The median of each figure over several workflows. */
export function medianTimeSpent(samples: TimeSpent[]): TimeSpent {
  const pick = (get: (t: TimeSpent) => number | undefined) => median(samples.map(get).filter(isNumber));
  const names = [...new Set(samples.flatMap((t) => Object.keys(t.activities)))];
  return {
    total: pick((t) => t.total),
    workflowTaskQueue: pick((t) => t.workflowTaskQueue),
    workflowTaskRun: pick((t) => t.workflowTaskRun),
    activities: Object.fromEntries(
      names.map((name) => [
        name,
        { queue: pick((t) => t.activities[name]?.queue), run: pick((t) => t.activities[name]?.run) },
      ]),
    ),
    waiting: pick((t) => t.waiting),
  };
}

export function median(values: number[]): number {
  return percentile(values, 0.5);
}

/** The nearest-rank percentile (0 < p ≤ 1) of `values`; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function isLocalActivity(event: HistoryEvent): boolean {
  return event.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER;
}

function isNumber(value: number | undefined): value is number {
  return value !== undefined;
}

function millis(time: temporal.api.history.v1.IHistoryEvent['eventTime']): number {
  if (!time) return 0;
  const seconds = typeof time.seconds === 'number' ? time.seconds : Number(time.seconds ?? 0);
  return seconds * 1000 + (time.nanos ?? 0) / 1e6;
}
