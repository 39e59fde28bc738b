import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { SecretBox } from '../crypto/secret-box';

/** The Temporal client and where new workflows start and schedules run (`TEMPORAL_TASK_QUEUE`). */
export interface TemporalAccess {
  client: Client;
  taskQueue: string;
}

/**
 * What operations on merchants and carts reach for. Temporal and the secret box are asked for only when an
 * operation needs them, so the CLI connects to Temporal or needs EPF_SECRET_KEY only then.
 */
export interface OperationDeps {
  pool: Pool;
  temporal(): Promise<TemporalAccess>;
  /** Seals EasyPost keys and cart credentials (EPF_SECRET_KEY). */
  secretBox(): SecretBox;
  /** Who the audit log names: `cli` or `api`. */
  actor: string;
}
