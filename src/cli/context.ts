import { Client, Connection } from '@temporalio/client';
import type { Pool } from 'pg';
import { envSchema, loadConfig } from '../config/env';
import { reachOrExplain } from '../config/startup-error';
import { SecretBox } from '../crypto/secret-box';
import { createPool } from '../db/pool';
import { dataConverterFromEnv } from '../temporal/codec/data-converter';
import { temporalConnectionSettings } from '../temporal/connection-options';

export interface TemporalAccess {
  client: Client;
  /** Where new order workflows start (`TEMPORAL_TASK_QUEUE`). */
  taskQueue: string;
}

/**
 * What commands reach for, each made on first use from only the variables it needs: `epf aliases set` works
 * without Temporal, `epf carts add` without EPF_SECRET_KEY.
 */
export interface CliContext {
  pool(): Promise<Pool>;
  secretBox(): SecretBox;
  temporal(): Promise<TemporalAccess>;
  /** Ends whatever was opened, so the process exits as soon as the command is done. */
  close(): Promise<void>;
}

export function createCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  let pool: Pool | undefined;
  let poolReady: Promise<Pool> | undefined;
  let connection: Connection | undefined;
  let temporalReady: Promise<TemporalAccess> | undefined;

  async function openPool(): Promise<Pool> {
    const { DATABASE_URL } = loadConfig(envSchema.pick({ DATABASE_URL: true }), env);
    pool = createPool(DATABASE_URL, 2);
    const opened = pool;
    await reachOrExplain('PostgreSQL', 'DATABASE_URL', new URL(DATABASE_URL).host, () => opened.query('SELECT 1'));
    return opened;
  }

  async function openTemporal(): Promise<TemporalAccess> {
    const { TEMPORAL_TASK_QUEUE } = loadConfig(envSchema.pick({ TEMPORAL_TASK_QUEUE: true }), env);
    const temporal = temporalConnectionSettings(env);
    connection = await reachOrExplain('Temporal', temporal.addressSetting, temporal.address, () =>
      Connection.connect(temporal.connectionOptions),
    );
    return {
      client: new Client({
        connection,
        namespace: temporal.namespace,
        dataConverter: dataConverterFromEnv(env),
      }),
      taskQueue: TEMPORAL_TASK_QUEUE,
    };
  }

  return {
    pool: () => (poolReady ??= openPool()),
    secretBox: () => new SecretBox(loadConfig(envSchema.pick({ EPF_SECRET_KEY: true }), env).EPF_SECRET_KEY),
    temporal: () => (temporalReady ??= openTemporal()),
    async close() {
      await Promise.all([pool?.end(), connection?.close()]);
    },
  };
}
