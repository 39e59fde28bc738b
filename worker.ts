// The worker: runs every workflow and activity of epf on one task queue.
import { NativeConnection, Runtime } from '@temporalio/worker';
import { createActivities } from './activities';
import { loadConfig } from './src/config/env';
import { reachOrExplain } from './src/config/startup-error';
import { migrate } from './src/db/migrate';
import { createPool } from './src/db/pool';
import { logger } from './src/logger';
import { runMain } from './src/main';
import { encryptingDataConverter } from './src/temporal/codec/data-converter';
import { temporalConnectionSettings } from './src/temporal/connection-options';
import { PinoTemporalLogger } from './src/temporal/pino-logger';
import { createWorker } from './src/worker/create-worker';

runMain(async () => {
  const config = loadConfig();
  const temporal = temporalConnectionSettings();
  Runtime.install({
    logger: new PinoTemporalLogger(logger),
    telemetryOptions: { metrics: { prometheus: { bindAddress: config.WORKER_METRICS_ADDRESS } } },
  });

  const pool = createPool(config.DATABASE_URL);
  try {
    const dbHost = new URL(config.DATABASE_URL).host;
    const applied = await reachOrExplain('PostgreSQL', 'DATABASE_URL', dbHost, () => migrate(pool));
    if (applied.length) logger.info({ applied }, 'Migrations applied');

    const connection = await reachOrExplain('Temporal', temporal.addressSetting, temporal.address, () =>
      NativeConnection.connect(temporal.connectionOptions),
    );
    try {
      const worker = await createWorker({
        connection,
        namespace: temporal.namespace,
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        dataConverter: encryptingDataConverter(config),
        activities: createActivities({
          pool,
          secretKey: config.EPF_SECRET_KEY,
          easyPostBaseUrl: config.EASYPOST_BASE_URL,
          exceptionsWebhookUrl: config.EXCEPTIONS_WEBHOOK_URL,
          publicApiUrl: config.PUBLIC_API_URL,
          createSettleMs: config.EASYPOST_CREATE_SETTLE_SECONDS * 1000,
        }),
        workflowBundlePath: config.WORKFLOW_BUNDLE_PATH,
        maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
      });
      logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, namespace: temporal.namespace }, 'Worker started');
      // Resolves once SIGINT/SIGTERM has drained in-flight tasks (the SDK's default shutdown signals).
      await worker.run();
      logger.info('Worker stopped');
    } finally {
      await connection.close();
    }
  } finally {
    await pool.end();
  }
});
