// The processes a chaos run owns: its own PostgreSQL and Temporal dev server, the real worker, in-process simulators.
import { Client, Connection } from '@temporalio/client';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { ensureDatabase } from '../src/db/databases';
import { reachableDataDir } from '../src/db/embedded-blocker';
import { migrate } from '../src/db/migrate';
import { createPool } from '../src/db/pool';
import type { Child } from '../src/dev/child-process';
import type { DevConfig } from '../src/dev/config';
import { startPostgres, startTemporal, startWorker } from '../src/dev/services';
import { freePort } from '../src/net/free-port';
import { startBigCommerceSimulator, type RunningBigCommerceSimulator } from '../src/simulators/bigcommerce';
import { startEasyPostSimulator, type RunningEasyPostSimulator } from '../src/simulators/easypost';
import { seedEasyPostDemo } from '../src/simulators/easypost/demo';
import { startShopifySimulator, type RunningShopifySimulator } from '../src/simulators/shopify';
import { startWooCommerceSimulator, type RunningWooCommerceSimulator } from '../src/simulators/woocommerce';
import { writeWorkflowBundle } from '../src/temporal/bundle';
import { dataConverterFromEnv } from '../src/temporal/codec/data-converter';
import { DEFAULT_TASK_QUEUE } from '../workflows/definitions';
import { TEST_SECRET_KEY } from '../test/helpers/database';
import { SLOW_COMMIT_MS, VISIBILITY_DELAY_MS } from './fault-kinds';

export interface Simulators {
  easypost: RunningEasyPostSimulator;
  shopify: RunningShopifySimulator;
  woocommerce: RunningWooCommerceSimulator;
  bigcommerce: RunningBigCommerceSimulator;
}

export interface ChaosStack {
  /** The harness's own pool on the run's database. */
  pool: Pool;
  client: Client;
  sims: Simulators;
  taskQueue: string;
  /** Worker exits the harness did not cause, each with the last lines of its log. */
  crashes: string[];
  killWorker(): Promise<void>;
  /** The running worker's process group, e.g. to sample its memory. */
  workerPid(): number | undefined;
  startWorker(): Promise<void>;
  restartPostgres(downMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface ChaosStackOptions {
  /** Data and logs of this run (PostgreSQL's data directory, temporal.db, logs/). */
  runDir: string;
  /** A prebuilt workflow bundle; without it one is built into runDir, so worker restarts stay quick. */
  workflowBundlePath?: string;
}

/** Starts everything a chaos run needs, each on a free port; a failure part-way stops what had started. */
export async function startChaosStack(options: ChaosStackOptions): Promise<ChaosStack> {
  const { runDir } = options;
  mkdirSync(join(runDir, 'logs'), { recursive: true });
  const config = await freePorts();
  const stoppers: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch((err: unknown) => console.error(err));
  };
  try {
    const bundle = options.workflowBundlePath ?? join(runDir, 'workflow-bundle.js');
    if (!options.workflowBundlePath) await writeWorkflowBundle(bundle);
    let postgres = await startPostgres(runDir, config);
    stoppers.push(() => postgres.child.stop());
    const databaseUrl = await ensureDatabase(postgres.value, 'epf');
    const pool = createPool(databaseUrl, 4);
    stoppers.push(() => pool.end());
    await migrate(pool);

    const temporal = await startTemporal(runDir, config);
    stoppers.push(() => temporal.child.stop());
    const sims = await startSimulators();
    stoppers.push(() => Promise.all(Object.values(sims).map((sim) => sim.close())).then(() => undefined));

    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${config.EPF_DEV_TEMPORAL_PORT}`,
      TEMPORAL_TASK_QUEUE: DEFAULT_TASK_QUEUE,
      EPF_SECRET_KEY: TEST_SECRET_KEY,
      EASYPOST_BASE_URL: sims.easypost.apiBaseUrl,
      WORKFLOW_BUNDLE_PATH: bundle,
      WORKER_METRICS_ADDRESS: `127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'info',
      // A lost create is looked up only once it has settled: past the slowest commit and listing the run injects.
      EASYPOST_CREATE_SETTLE_SECONDS: String(Math.ceil((SLOW_COMMIT_MS + VISIBILITY_DELAY_MS) / 1000) + 5),
    };
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
    stoppers.push(() => connection.close());
    const client = new Client({ connection, dataConverter: dataConverterFromEnv(env) });

    const crashes: string[] = [];
    let worker: Child | undefined;
    stoppers.push(() => worker?.stop() ?? Promise.resolve());
    const root = join(__dirname, '..');

    let closing = false;
    // A worker that dies at start (PostgreSQL still down, say) is tried again until one runs.
    const restartAfterCrash = async () => {
      while (!closing && !worker) {
        await stack.startWorker().catch(() => new Promise((resolve) => setTimeout(resolve, 1000)));
      }
    };

    const stack: ChaosStack = {
      pool,
      client,
      sims,
      taskQueue: DEFAULT_TASK_QUEUE,
      crashes,
      async startWorker() {
        const started = await startWorker(root, runDir, env);
        const child = started.child;
        worker = child;
        void child.exited.then((code) => {
          // Only an exit we did not ask for (killWorker and close clear `worker` first): recorded, and the worker
          // restarted so the run goes on and shows what else breaks.
          if (worker !== child) return;
          worker = undefined;
          crashes.push(`worker exited (${code}) on its own:\n${child.tail(20)}`);
          void restartAfterCrash();
        });
      },
      workerPid: () => worker?.pid,
      async killWorker() {
        const child = worker;
        worker = undefined;
        await child?.kill();
      },
      async restartPostgres(downMs) {
        await postgres.child.stop();
        await new Promise((resolve) => setTimeout(resolve, downMs));
        postgres = await startPostgres(runDir, config);
      },
      close: async () => {
        closing = true;
        const child = worker;
        worker = undefined;
        await child?.stop();
        await stopAll();
      },
    };
    await stack.startWorker();
    return stack;
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** The dev stack's settings with every port free; the simulators run in process on ephemeral ports instead. */
async function freePorts(): Promise<DevConfig> {
  return {
    API_PORT: await freePort(),
    EPF_DEV_TEMPORAL_PORT: await freePort(),
    EPF_DEV_UI_PORT: await freePort(),
    EPF_DEV_POSTGRES_PORT: await freePort(),
    EPF_DEV_EASYPOST_PORT: 0,
    EPF_DEV_SHOPIFY_PORT: 0,
    EPF_DEV_WOOCOMMERCE_PORT: 0,
    EPF_DEV_BIGCOMMERCE_PORT: 0,
  };
}

/** The four simulators in process, EasyPost seeded with the demo account. */
export async function startSimulators(): Promise<Simulators> {
  // EasyPost's own per-key limit is off: the 429s of a chaos run are the injected ones, counted in the report.
  const [easypost, shopify, woocommerce, bigcommerce] = await Promise.all([
    startEasyPostSimulator({ rateLimitPerSecond: null }),
    startShopifySimulator(),
    startWooCommerceSimulator(),
    startBigCommerceSimulator(),
  ]);
  seedEasyPostDemo(easypost.control);
  return { easypost, shopify, woocommerce, bigcommerce };
}

/** Removes a run's directory, and its PostgreSQL data where that had to live outside the checkout (as root). */
export function removeRunDir(runDir: string): void {
  const postgresData = join(runDir, 'postgres');
  const moved = reachableDataDir(postgresData);
  if (moved !== postgresData) rmSync(moved, { recursive: true, force: true });
  rmSync(runDir, { recursive: true, force: true });
}
