import { Pool } from 'pg';

/** One pool per process; the worker and the API share this shape. */
export function createPool(databaseUrl: string, max = 10): Pool {
  return new Pool({ connectionString: databaseUrl, max, application_name: 'epf' });
}
