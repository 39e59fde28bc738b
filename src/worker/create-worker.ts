import type { DataConverter } from '@temporalio/common';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { createActivities } from '../../activities';
import { WORKFLOWS_PATH } from '../temporal/bundle';

export interface CreateWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** Required, so no worker runs without the payload codec its clients use (src/temporal/codec/). */
  dataConverter: DataConverter;
  /** Production registers them all; a test may register only those its workflow calls. */
  activities: Partial<ReturnType<typeof createActivities>>;
  /** A prebuilt bundle (production, tests); without it the worker bundles `workflows/` at start. */
  workflowBundlePath?: string;
  /** WORKER_MAX_CACHED_WORKFLOWS; unset, the SDK sizes the cache from the heap. */
  maxCachedWorkflows?: number;
}

/** The one place a worker is configured, shared by worker.ts and the tests. */
export function createWorker(options: CreateWorkerOptions): Promise<Worker> {
  const { workflowBundlePath, ...rest } = options;
  return Worker.create({
    ...rest,
    ...(workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : { workflowsPath: WORKFLOWS_PATH }),
  });
}
