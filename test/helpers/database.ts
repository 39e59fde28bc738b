import { Pool } from 'pg';
import { testEnv } from '../setup/test-env-vars';

/** A small pool on the run's migrated database; end it in afterAll. */
export function createTestPool(): Pool {
  return new Pool({ connectionString: testEnv('databaseUrl'), max: 4 });
}

/** The key tests encrypt credentials with. */
export const TEST_SECRET_KEY = 'ab'.repeat(32);
