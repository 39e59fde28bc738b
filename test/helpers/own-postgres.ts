import { embeddedPostgresBlocker } from '../../src/db/embedded-blocker';

/** CI says it is CI with `CI` set (GitHub Actions, GitLab and most others set `CI=true`). */
const isCi = (env: NodeJS.ProcessEnv) => Boolean(env.CI) && !['0', 'false'].includes(env.CI!.toLowerCase());

/**
 * `describe` for a harness that owns its PostgreSQL (embedded). Where it cannot start one (as root in a checkout others
 * cannot traverse), a developer's machine is at fault and the suite is skipped with the reason printed; on CI the
 * machine is ours to fix, so it throws and the suite fails rather than passing without running.
 */
export function describeWithOwnPostgres(
  runDir: string,
  env: NodeJS.ProcessEnv = process.env,
  blocker = embeddedPostgresBlocker(runDir),
): jest.Describe {
  if (!blocker) return describe;
  if (isCi(env)) throw new Error(`CI is set, and this harness cannot start its own PostgreSQL: ${blocker}`);
  console.log(`skipped: ${blocker}`);
  return describe.skip;
}
