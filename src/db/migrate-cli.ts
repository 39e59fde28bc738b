import { envSchema, loadConfig } from '../config/env';
import { logger } from '../logger';
import { runMain } from '../main';
import { migrate } from './migrate';
import { createPool } from './pool';

/** `npm run migrate`: applies pending migrations to DATABASE_URL and exits. */
runMain(async () => {
  const { DATABASE_URL } = loadConfig(envSchema.pick({ DATABASE_URL: true }));
  const pool = createPool(DATABASE_URL, 1);
  try {
    const applied = await migrate(pool);
    logger.info({ applied }, applied.length ? 'Migrations applied' : 'Database schema is up to date');
  } finally {
    await pool.end();
  }
});
