import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWorkflowBundle } from '../../src/temporal/bundle';
import { startTestDatabase } from './database';
import { freePort, startDevServer, startTimeSkippingServer } from './temporal-servers';
import { TEST_ENV } from './test-env-vars';

/** What the teardown undoes; Jest runs both in the same process, so a global carries it. */
declare global {
  var __epfTestTeardown: (() => Promise<void>) | undefined;
}

type Stoppable = { stop(): Promise<void> } | { teardown(): Promise<void> };

const stop = (server: Stoppable) => ('stop' in server ? server.stop() : server.teardown());

/** Stops whatever did start when another start failed, so a failed setup leaves no server behind. */
async function stopAllIfAnyFailed(results: PromiseSettledResult<Stoppable>[]): Promise<void> {
  const failure = results.find((result) => result.status === 'rejected');
  if (!failure) return;
  await Promise.allSettled(results.map((result) => (result.status === 'fulfilled' ? stop(result.value) : undefined)));
  throw failure.reason;
}

function valueOf<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** Once per `jest` run: one database, one server of each Temporal kind, one workflow bundle. */
export default async function globalSetup(): Promise<void> {
  const startedAt = Date.now();
  const runDir = mkdtempSync(join(tmpdir(), 'epf-test-'));
  const bundlePath = join(runDir, 'workflow-bundle.js');
  const uiPort = await freePort();
  const started = await Promise.allSettled([startTestDatabase(), startDevServer(uiPort), startTimeSkippingServer()]);
  await stopAllIfAnyFailed(started);
  const [database, devServer, timeSkipping] = [valueOf(started[0]), valueOf(started[1]), valueOf(started[2])];
  await writeWorkflowBundle(bundlePath);
  process.env[TEST_ENV.databaseUrl] = database.url;
  process.env[TEST_ENV.adminDatabaseUrl] = database.adminUrl;
  process.env[TEST_ENV.devServerAddress] = devServer.address;
  process.env[TEST_ENV.devServerUiUrl] = `http://127.0.0.1:${uiPort}`;
  process.env[TEST_ENV.timeSkippingAddress] = timeSkipping.address;
  process.env[TEST_ENV.workflowBundlePath] = bundlePath;
  globalThis.__epfTestTeardown = async () => {
    await Promise.all([devServer.teardown(), timeSkipping.teardown(), database.stop()]);
    rmSync(runDir, { recursive: true, force: true });
  };
  console.log(`\nTest servers ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}
