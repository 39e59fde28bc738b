import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';
import { temporalCliPath } from '../temporal/binaries';
import { searchAttributeFlags } from '../temporal/search-attributes';
import { type Child, startChild } from './child-process';
import type { DemoTiming, DevConfig } from './config';
import { DEMO_SPLIT_GAP_SECONDS } from './demo';

type Started<T> = Promise<{ child: Child; value: T }>;

/** The embedded PostgreSQL under .data/postgres (kept between runs); resolves with its admin URL. */
export async function startPostgres(dataDir: string, config: DevConfig): Started<string> {
  await assertPortFree(config.EPF_DEV_POSTGRES_PORT, 'EPF_DEV_POSTGRES_PORT');
  const child = tsxChild('postgres', join(__dirname, 'postgres-process.ts'), dataDir, process.env, [
    join(dataDir, 'postgres'),
    String(config.EPF_DEV_POSTGRES_PORT),
  ]);
  const line = await child.waitForOutput(/^postgres ready /, 60_000);
  return { child, value: line.replace(/^postgres ready /, '').trim() };
}

/**
 * The Temporal dev server with the Web UI (decoding through the API's codec endpoint) and our search attributes;
 * its state persists in .data/temporal.db.
 */
export async function startTemporal(dataDir: string, config: DevConfig): Started<void> {
  if (!existsSync(temporalCliPath)) {
    throw new ConfigError(
      `Temporal CLI not found at ${temporalCliPath}: run npm run bootstrap (needs Python 3 and PyPI)`,
    );
  }
  await assertPortFree(config.EPF_DEV_TEMPORAL_PORT, 'EPF_DEV_TEMPORAL_PORT');
  await assertPortFree(config.EPF_DEV_UI_PORT, 'EPF_DEV_UI_PORT');
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(config.EPF_DEV_TEMPORAL_PORT),
    '--ui-port',
    String(config.EPF_DEV_UI_PORT),
    '--db-filename',
    join(dataDir, 'temporal.db'),
    '--log-level',
    'warn',
    // The Web UI decodes payloads through the API's codec endpoint (src/api/codec.ts).
    '--ui-codec-endpoint',
    `http://127.0.0.1:${config.API_PORT}/codec`,
    ...searchAttributeFlags(),
  ];
  const child = startChild('temporal', temporalCliPath, args, process.env, join(dataDir, 'logs', 'temporal.log'));
  await waitForPort(config.EPF_DEV_TEMPORAL_PORT, child, 60_000);
  await waitForPort(config.EPF_DEV_UI_PORT, child, 60_000);
  return { child, value: undefined };
}

export interface EasyPostSimulatorInfo {
  apiBaseUrl: string;
  test_key: string;
  production_key: string;
}

export interface ShopifySimulatorInfo {
  shop_url: string;
  access_token: string;
  location_id: string;
  client_secret: string;
}

export interface WooCommerceSimulatorInfo {
  site_url: string;
  consumer_key: string;
  consumer_secret: string;
}

export interface BigCommerceSimulatorInfo {
  store: string;
  api_url: string;
  access_token: string;
}

/**
 * The EasyPost Fulfillment simulator with the demo catalogue, its warehouse shipping accepted orders on its own after
 * `EPF_DEV_SHIP_SECONDS`; resolves with its API base URL and demo keys.
 */
export function startEasyPostSimulator(
  dataDir: string,
  config: DevConfig,
  timing: DemoTiming,
): Started<EasyPostSimulatorInfo> {
  return startSimulator('easypost', dataDir, config.EPF_DEV_EASYPOST_PORT, 'EPF_DEV_EASYPOST_PORT', [
    '--ship-after-seconds',
    String(timing.EPF_DEV_SHIP_SECONDS),
    '--split-gap-seconds',
    String(DEMO_SPLIT_GAP_SECONDS),
  ]);
}

/** The Shopify simulator with the demo shop; resolves with its URL, token, our fulfillment location and app secret. */
export function startShopifySimulator(dataDir: string, config: DevConfig): Started<ShopifySimulatorInfo> {
  return startSimulator('shopify', dataDir, config.EPF_DEV_SHOPIFY_PORT, 'EPF_DEV_SHOPIFY_PORT');
}

/** The WooCommerce simulator with the demo store; resolves with its URL and API keys. */
export function startWooCommerceSimulator(dataDir: string, config: DevConfig): Started<WooCommerceSimulatorInfo> {
  return startSimulator('woocommerce', dataDir, config.EPF_DEV_WOOCOMMERCE_PORT, 'EPF_DEV_WOOCOMMERCE_PORT');
}

/** The BigCommerce simulator with the demo store; resolves with its API URL, store hash and token. */
export function startBigCommerceSimulator(dataDir: string, config: DevConfig): Started<BigCommerceSimulatorInfo> {
  return startSimulator('bigcommerce', dataDir, config.EPF_DEV_BIGCOMMERCE_PORT, 'EPF_DEV_BIGCOMMERCE_PORT');
}

/** Where a simulator keeps its state between runs: .data/simulators/<name>.json. */
export function simulatorStateFile(dataDir: string, name: SimulatorName): string {
  return join(dataDir, 'simulators', `${name}.json`);
}

type SimulatorName = 'easypost' | 'shopify' | 'woocommerce' | 'bigcommerce';

// Each simulator's main.ts prints one line `<name> simulator ready <json>` once its demo data (or kept state) is in.
async function startSimulator<T>(
  name: SimulatorName,
  dataDir: string,
  port: number,
  setting: string,
  args: string[] = [],
): Started<T> {
  await assertPortFree(port, setting);
  const script = join(__dirname, '..', 'simulators', name, 'main.ts');
  const state = simulatorStateFile(dataDir, name);
  const child = tsxChild(`${name}-simulator`, script, dataDir, process.env, [
    String(port),
    '--state-file',
    state,
    ...args,
  ]);
  const ready = new RegExp(`^${name} simulator ready `);
  const line = await child.waitForOutput(ready, 60_000);
  return { child, value: JSON.parse(line.replace(ready, '')) as T };
}

/** The worker, as production runs it (worker.ts), with the stack's settings. */
export async function startWorker(root: string, dataDir: string, env: NodeJS.ProcessEnv): Started<void> {
  const child = tsxChild('worker', join(root, 'worker.ts'), dataDir, env);
  await child.waitForOutput(/Worker started/, 120_000);
  return { child, value: undefined };
}

/** The admin API (src/api/main.ts). */
export async function startApi(root: string, dataDir: string, env: NodeJS.ProcessEnv): Started<void> {
  const child = tsxChild('api', join(root, 'src', 'api', 'main.ts'), dataDir, env);
  await child.waitForOutput(/API listening/, 60_000);
  return { child, value: undefined };
}

function tsxChild(name: string, script: string, dataDir: string, env: NodeJS.ProcessEnv, args: string[] = []): Child {
  const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  return startChild(name, tsx, [script, ...args], env, join(dataDir, 'logs', `${name}.log`));
}

async function assertPortFree(port: number, setting: string): Promise<void> {
  if (await isListening(port)) {
    throw new ConfigError(`Port ${port} on 127.0.0.1 is already in use: stop what runs there or set ${setting}`);
  }
}

async function waitForPort(port: number, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | string | undefined;
  void child.exited.then((code) => (exited = code));
  while (!(await isListening(port))) {
    if (exited !== undefined) throw new Error(`${child.name} exited (${exited}) while starting:\n${child.tail()}`);
    if (Date.now() > deadline) throw new Error(`${child.name} did not open port ${port} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
