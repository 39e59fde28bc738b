// `npm run dev`: the whole local stack on one machine, with embedded defaults, stopped cleanly by Ctrl-C.
import { Client, Connection } from '@temporalio/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dropDatabase, ensureDatabase } from '../db/databases';
import { migrate } from '../db/migrate';
import { createPool } from '../db/pool';
import { runMain } from '../main';
import { dataConverterFromEnv } from '../temporal/codec/data-converter';
import { healthCheckWorkflow } from '../../workflows';
import { DEFAULT_TASK_QUEUE, healthCheckWorkflowId } from '../../workflows/definitions';
import { desiredSchedules, reconcileSchedules } from '../schedules/reconcile';
import { loadScheduleSources } from '../schedules/sources';
import type { Child } from './child-process';
import { loadDemoTiming, loadDevConfig, type DevConfig } from './config';
import { restockHeldSku, seedDemo, type DemoSimulators } from './demo';
import { assertFreshAllowed, forgetKeptState, ordersWithoutSimulatorState } from './fresh';
import { devSecret } from './secret-key';
import {
  type EasyPostSimulatorInfo,
  startApi,
  startEasyPostSimulator,
  startPostgres,
  startShopifySimulator,
  startTemporal,
  startWooCommerceSimulator,
  startBigCommerceSimulator,
  startWorker,
} from './services';

const ROOT = join(__dirname, '..', '..');
const DATA_DIR = join(ROOT, '.data');

runMain(async () => {
  const startedAt = Date.now();
  const config = loadDevConfig();
  const timing = loadDemoTiming();
  // `npm run dev -- --fresh`: forget every order (Temporal's and epf's databases, the simulators' state) first.
  const { fresh } = parseArgs({ options: { fresh: { type: 'boolean', default: false } } }).values;
  if (fresh) assertFreshAllowed(config);
  mkdirSync(join(DATA_DIR, 'logs'), { recursive: true });
  const orphans = !fresh && ordersWithoutSimulatorState(DATA_DIR);
  const children: Child[] = [];
  const demoTimers = new AbortController();
  const stopAll = async () => {
    // Reverse start order: the API and the worker drain before Temporal and PostgreSQL go away.
    for (const child of [...children].reverse()) await child.stop();
  };
  let stopping = false;
  const shutdown = (code: number) => {
    if (stopping) return;
    stopping = true;
    demoTimers.abort();
    console.log('\nStopping the local stack...');
    void stopAll().then(() => {
      console.log('Stopped.');
      process.exit(code);
    });
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  try {
    const adminUrl = config.DATABASE_URL ?? (await track(children, startPostgres(DATA_DIR, config)));
    if (fresh) await dropDatabase(adminUrl, 'epf');
    const databaseUrl = config.DATABASE_URL ?? (await ensureDatabase(adminUrl, 'epf'));
    if (fresh) forgetKeptState(DATA_DIR);
    await track(children, startTemporal(DATA_DIR, config));
    const easypost = await track(children, startEasyPostSimulator(DATA_DIR, config, timing));
    const shopify = await track(children, startShopifySimulator(DATA_DIR, config));
    const woocommerce = await track(children, startWooCommerceSimulator(DATA_DIR, config));
    const bigcommerce = await track(children, startBigCommerceSimulator(DATA_DIR, config));

    const secretKey = process.env.EPF_SECRET_KEY ?? devSecret(DATA_DIR, 'secret-key');
    const demoOrders = await prepareDatabase(databaseUrl, secretKey, { easypost, shopify, woocommerce, bigcommerce });
    const serviceEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: `127.0.0.1:${config.EPF_DEV_TEMPORAL_PORT}`,
      EPF_SECRET_KEY: secretKey,
      API_PORT: String(config.API_PORT),
      API_TOKEN: process.env.API_TOKEN ?? devSecret(DATA_DIR, 'api-token'),
      EASYPOST_BASE_URL: easypost.apiBaseUrl,
      // Webhook-first: the worker points the simulated carts' webhooks at the local API.
      PUBLIC_API_URL: process.env.PUBLIC_API_URL ?? `http://127.0.0.1:${config.API_PORT}/`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      // The local Web UI cannot send the API_TOKEN: its codec calls from this machine pass without it.
      CODEC_AUTH: process.env.CODEC_AUTH ?? 'loopback',
      CODEC_CORS_ORIGINS:
        process.env.CODEC_CORS_ORIGINS ??
        `http://127.0.0.1:${config.EPF_DEV_UI_PORT},http://localhost:${config.EPF_DEV_UI_PORT}`,
    };
    await track(children, startWorker(ROOT, DATA_DIR, serviceEnv));
    await track(children, startApi(ROOT, DATA_DIR, serviceEnv));
    await checkEndToEnd(config, databaseUrl, serviceEnv);

    for (const child of children) {
      void child.exited.then((code) => {
        if (stopping) return;
        console.error(
          `${child.name} exited unexpectedly (${code}); last lines of .data/logs/${child.name}.log:\n${child.tail()}`,
        );
        shutdown(1);
      });
    }
    writeEnvFile(serviceEnv);
    printReady(config, databaseUrl, easypost, serviceEnv.API_TOKEN, demoOrders, (Date.now() - startedAt) / 1000);
    if (orphans) {
      console.log(
        'Note: Temporal kept orders but the simulators kept no state (.data/simulators/), so orders sent before ' +
          'point at EasyPost orders that no longer exist and never ship. `npm run dev -- --fresh` starts clean.',
      );
    }
    if (timing.EPF_DEV_RESTOCK_SECONDS > 0) {
      void restockHeldSku(easypost, timing.EPF_DEV_RESTOCK_SECONDS, demoTimers.signal);
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
});

/** Adds a started service to the list to stop, as soon as it is started, so a later failure stops it too. */
async function track<T>(children: Child[], start: Promise<{ child: Child; value: T }>): Promise<T> {
  const { child, value } = await start;
  children.push(child);
  return value;
}

/** Migrates and loads the demo merchant before the worker starts, so it finds them; returns the sample orders' folder. */
async function prepareDatabase(databaseUrl: string, secretKey: string, sims: DemoSimulators) {
  const pool = createPool(databaseUrl, 2);
  try {
    await migrate(pool);
    return await seedDemo(pool, secretKey, sims, DATA_DIR);
  } finally {
    await pool.end();
  }
}

/** .data/dev.env: the settings the CLI needs to reach this stack (`set -a; . .data/dev.env; set +a`). */
function writeEnvFile(env: NodeJS.ProcessEnv): void {
  const keys = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'EPF_SECRET_KEY', 'EASYPOST_BASE_URL', 'API_TOKEN'];
  writeFileSync(join(DATA_DIR, 'dev.env'), keys.map((key) => `${key}=${env[key]}\n`).join(''), { mode: 0o600 });
}

/**
 * Runs the health-check workflow (Temporal reaches the worker, whose activities reach PostgreSQL), then creates the
 * carts' pull schedules, so demo orders start flowing.
 */
async function checkEndToEnd(config: DevConfig, databaseUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  const connection = await Connection.connect({ address: `127.0.0.1:${config.EPF_DEV_TEMPORAL_PORT}` });
  const pool = createPool(databaseUrl, 1);
  try {
    // The same payload keys as the worker and the API it started.
    const client = new Client({ connection, dataConverter: dataConverterFromEnv(env) });
    const taskQueue = process.env.TEMPORAL_TASK_QUEUE ?? DEFAULT_TASK_QUEUE;
    await client.workflow.execute(healthCheckWorkflow, {
      taskQueue,
      workflowId: healthCheckWorkflowId(`dev-${Date.now()}`),
      workflowExecutionTimeout: '2 minutes',
    });
    const sources = await loadScheduleSources(pool);
    await reconcileSchedules(client, sources, taskQueue);
    // The first pulls and pickups now rather than at the first interval.
    for (const { options } of desiredSchedules(sources, taskQueue)) {
      await client.schedule.getHandle(options.scheduleId).trigger();
    }
  } finally {
    await Promise.all([connection.close(), pool.end()]);
  }
  const health = await fetch(`http://127.0.0.1:${config.API_PORT}/healthz`);
  if (!health.ok) throw new Error(`API health check failed: ${await health.text()}`);
}

function printReady(
  config: DevConfig,
  databaseUrl: string,
  easypost: EasyPostSimulatorInfo,
  apiToken: string,
  demoOrders: string,
  seconds: number,
): void {
  const temporalAddress = `127.0.0.1:${config.EPF_DEV_TEMPORAL_PORT}`;
  console.log(`
  Temporal gRPC     ${temporalAddress}   (.tools/venv/bin/temporal workflow list --address ${temporalAddress})
  Temporal Web UI   http://127.0.0.1:${config.EPF_DEV_UI_PORT}
  Admin API         http://127.0.0.1:${config.API_PORT}   (OpenAPI at /openapi.json; local demo token below)
                    curl -H 'Authorization: Bearer ${apiToken}' http://127.0.0.1:${config.API_PORT}/exceptions
  EasyPost sim      ${easypost.apiBaseUrl}   (control API: ${new URL('/__sim/', easypost.apiBaseUrl)})
                    demo keys: test ${easypost.test_key}, production ${easypost.production_key}
  PostgreSQL        ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}
  Logs              .data/logs/

  Shopify sim       http://127.0.0.1:${config.EPF_DEV_SHOPIFY_PORT}/__sim/fulfillments?shop=demo-outfitters   (what we pushed)
                    http://127.0.0.1:${config.EPF_DEV_SHOPIFY_PORT}/__sim/notifications?shop=demo-outfitters   (callbacks to us)
  WooCommerce sim   http://127.0.0.1:${config.EPF_DEV_WOOCOMMERCE_PORT}/__sim/orders?site=demo   (orders, notes, tracking)
  BigCommerce sim   http://127.0.0.1:${config.EPF_DEV_BIGCOMMERCE_PORT}/__sim/orders?store=demo   (orders, staff notes, shipments)
  Demo merchant "demo": stores "demo-shopify", "demo-woo" and "demo-bigcommerce" (pulled every 30 s), cart "demo-phone"; sample orders in ${demoOrders.replace(`${ROOT}/`, '')}/. Try:
    set -a; . .data/dev.env; set +a
    npm run -s epf -- orders submit --file .data/demo-orders/out-of-stock.json
    npm run -s epf -- orders list

ready in ${seconds.toFixed(1)} s. Press Ctrl-C to stop everything.`);
}
