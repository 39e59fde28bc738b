import { ScheduleNotFoundError, type Client, type ScheduleHandle } from '@temporalio/client';
import type { FieldChanges } from '../db/audit';
import { reconcileSchedules, type ReconcileResult } from '../schedules/reconcile';
import { loadScheduleSources } from '../schedules/sources';
import { pullScheduleId, shipmentPickupScheduleId } from '../../workflows/definitions';
import type { OperationDeps } from './deps';
import { OperationError } from './errors';

/** Makes Temporal's schedules match PostgreSQL now, so a new or changed merchant or cart applies at once. */
export async function reconcileNow(deps: Pick<OperationDeps, 'pool' | 'temporal'>): Promise<ReconcileResult> {
  const { client, taskQueue } = await deps.temporal();
  return reconcileSchedules(client, await loadScheduleSources(deps.pool), taskQueue);
}

/** reconcileNow after a change, or nothing when no field changed. */
export async function reconcileAfter(
  deps: Pick<OperationDeps, 'pool' | 'temporal'>,
  changes: FieldChanges,
): Promise<ReconcileResult> {
  if (Object.keys(changes.after).length === 0) return { created: [], updated: [], deleted: [] };
  return reconcileNow(deps);
}

/** A schedule as `epf schedules list` and `GET /schedules` show it. */
export interface ScheduleView {
  id: string;
  paused: boolean;
  /** The next run, ISO 8601. */
  next?: string;
  workflow?: string;
}

/** Every schedule of the namespace, in Temporal's order. */
export async function listSchedules(client: Client): Promise<ScheduleView[]> {
  const views: ScheduleView[] = [];
  for await (const schedule of client.schedule.list()) {
    views.push({
      id: schedule.scheduleId,
      paused: schedule.state.paused,
      next: schedule.info.nextActionTimes[0]?.toISOString(),
      workflow: schedule.action?.type === 'startWorkflow' ? schedule.action.workflowType : undefined,
    });
  }
  return views;
}

const SCHEDULE_ACTIONS = {
  trigger: (handle) => handle.trigger(),
  pause: (handle, note) => handle.pause(note),
  resume: (handle, note) => handle.unpause(note),
} satisfies Record<string, (handle: ScheduleHandle, note: string) => Promise<void>>;

/** What an operator does to one schedule: run it now, whatever its interval, or stop and restart it. */
export type ScheduleAction = keyof typeof SCHEDULE_ACTIONS;

/** Runs `action` on the schedule `id`; `note` (why) shows in the Web UI. A schedule that does not exist is not found. */
export async function actOnSchedule(client: Client, id: string, action: ScheduleAction, note: string): Promise<void> {
  try {
    await SCHEDULE_ACTIONS[action](client.schedule.getHandle(id), note);
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) throw new OperationError('not found', `schedule ${id} does not exist`);
    throw err;
  }
}

/** Schedule IDs as help texts give them for examples. */
export const SCHEDULE_ID_EXAMPLES = `e.g. ${pullScheduleId('acme-shop')} or ${shipmentPickupScheduleId('acme')}`;
