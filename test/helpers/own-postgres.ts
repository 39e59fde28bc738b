import { embeddedPostgresBlocker } from '../../src/db/embedded-blocker';

/**
 * `describe` for a harness that owns its PostgreSQL (embedded), or `describe.skip` with the reason printed when it
 * cannot start one here (as root in a checkout others cannot traverse): the machine, not the code, is at fault.
 */
export function describeWithOwnPostgres(runDir: string): jest.Describe {
  const blocker = embeddedPostgresBlocker(runDir);
  if (blocker) console.log(`skipped: ${blocker}`);
  return blocker ? describe.skip : describe;
}
