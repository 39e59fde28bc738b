// The admin API process: `npm run api`.
import { Client, Connection } from '@temporalio/client';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/env';
import { reachOrExplain } from '../config/startup-error';
import { SecretBox } from '../crypto/secret-box';
import { createPool } from '../db/pool';
import { logger } from '../logger';
import { runMain } from '../main';
import { encryptingDataConverter } from '../temporal/codec/data-converter';
import { temporalConnectionSettings } from '../temporal/connection-options';
import { buildApi } from './app';

runMain(async () => {
  const config = loadConfig();
  if (!config.API_TOKEN) throw new ConfigError('Invalid configuration: API_TOKEN is required: openssl rand -hex 32');
  const apiToken = config.API_TOKEN;
  const pool = createPool(config.DATABASE_URL, 5);
  const temporal = temporalConnectionSettings();
  const connection = await reachOrExplain('Temporal', temporal.addressSetting, temporal.address, () =>
    Connection.connect(temporal.connectionOptions),
  );
  const app = buildApi({
    pool,
    temporal: new Client({
      connection,
      namespace: temporal.namespace,
      dataConverter: encryptingDataConverter(config),
    }),
    apiToken,
    secretBox: new SecretBox(config.EPF_SECRET_KEY),
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    easyPostWebhookSecret: config.EASYPOST_WEBHOOK_SECRET,
    codecCorsOrigins: config.CODEC_CORS_ORIGINS,
    codecAuth: config.CODEC_AUTH,
    codecSessionSeconds: config.CODEC_SESSION_HOURS * 3600,
  });
  await app.listen({ host: config.API_HOST, port: config.API_PORT });
  logger.info({ url: `http://${config.API_HOST}:${config.API_PORT}` }, 'API listening');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await app.close();
  await Promise.all([connection.close(), pool.end()]);
  logger.info('API stopped');
});
