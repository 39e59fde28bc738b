import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { Pool } from 'pg';
import { SecretBox } from '../../src/crypto/secret-box';
import { createCartStore } from '../../src/db/carts';
import { createMerchantStore } from '../../src/db/merchants';
import { createOrderIndex } from '../../src/db/orders';
import { createMappingStore } from '../../src/db/product-mapping';
import type { CartOrder } from '../../src/domain/order';
import { createEasyPostClient } from '../../src/easypost';
import { submitOrder } from '../../src/orders/submit';
import { startEasyPostSimulator, type RunningEasyPostSimulator } from '../../src/simulators/easypost';
import { DEMO_KEYS, seedEasyPostDemo } from '../../src/simulators/easypost/demo';
import { serverExecutable, temporalCliPath } from '../../src/temporal/binaries';
import { customSearchAttributes } from '../../src/temporal/search-attributes';
import { TEST_SECRET_KEY } from '../../test/helpers/database';
import { BARCODES } from '../../test/helpers/order-stack';
import { sampleOrder } from '../../test/helpers/orders';
import { testDataConverter } from '../../test/helpers/temporal';
import { startTestDatabase } from '../../test/setup/database';

const MERCHANT = 'bench';
const CART = 'bench-manual';
/** Enough stock that no bench order is ever held by accident. */
const PLENTY = 10_000_000;

/** The real parts at zero latency: dev server, a fresh database, the EasyPost simulator without a rate limit. */
export interface PipelineStack {
  env: TestWorkflowEnvironment;
  /** A client without our payload codec, for the bare-Temporal floor. */
  bareClient: Client;
  pool: Pool;
  sim: RunningEasyPostSimulator;
  easyPost: ReturnType<typeof createEasyPostClient>;
  orders: ReturnType<typeof createOrderIndex>;
  merchantId: string;
  /** Production workflows and the floor, bundled once (floor-workflows.ts). */
  bundlePath: string;
  /** A valid order of the bench's manual cart: SOCK-M and TOTE in stock; TEE-S has none until `restock`. */
  orderFor(overrides?: Partial<CartOrder>): CartOrder;
  submit(order: CartOrder, taskQueue: string): ReturnType<typeof submitOrder>;
  restock(barcode: string): void;
  close(): Promise<void>;
}

export async function startPipelineStack(): Promise<PipelineStack> {
  const bundleDir = mkdtempSync(join(tmpdir(), 'epf-bench-'));
  const bundlePath = join(bundleDir, 'workflow-bundle.js');
  const [database, env, sim] = await Promise.all([
    startTestDatabase(),
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: serverExecutable(temporalCliPath, 'Temporal CLI'),
        searchAttributes: customSearchAttributes,
        extraArgs: ['--log-level', 'error'],
      },
      client: { dataConverter: testDataConverter },
    }),
    startEasyPostSimulator({ rateLimitPerSecond: null }),
  ]);
  const pool = new Pool({ connectionString: database.url, max: 10 });
  const close = async () => {
    await Promise.allSettled([sim.close(), pool.end()]);
    await env.teardown();
    await database.stop();
    rmSync(bundleDir, { recursive: true, force: true });
  };
  try {
    const { code } = await bundleWorkflowCode({
      workflowsPath: join(__dirname, 'floor-workflows.ts'),
      logger: new DefaultLogger('WARN'),
    });
    writeFileSync(bundlePath, code);

    seedEasyPostDemo(sim.control);
    const easyPost = createEasyPostClient({ apiKey: DEMO_KEYS.test_key, baseUrl: sim.apiBaseUrl });
    const warehouses = await easyPost.listWarehouses();
    const restock = (barcode: string) => {
      for (const warehouse of warehouses)
        sim.control.setStock({ api_key: DEMO_KEYS.test_key, barcode, warehouse_id: warehouse.id, quantity: PLENTY });
    };
    restock(BARCODES.socks);
    restock(BARCODES.tote);

    await createMerchantStore(pool, new SecretBox(TEST_SECRET_KEY)).upsert({
      id: MERCHANT,
      name: 'Bench',
      mode: 'test',
      testKey: DEMO_KEYS.test_key,
      // The bench measures epf against Temporal, not EasyPost's rate limit (the simulator's is off too).
      settings: { easyPostRequestsPerSecond: 1000 },
    });
    const carts = createCartStore(pool);
    await carts.upsert({ id: CART, merchantId: MERCHANT, type: 'manual', name: 'Bench orders' });
    const mappings = createMappingStore(pool);
    await mappings.setAlias(MERCHANT, 'SOCK-M', BARCODES.socks);
    await mappings.setAlias(MERCHANT, 'TOTE', BARCODES.tote);
    await mappings.setShipMethod(MERCHANT, 'Standard', 'standard');
    // The WooCommerce simulator's orders ship "Flat rate" (cart-latency.ts).
    await mappings.setShipMethod(MERCHANT, 'Flat rate', 'standard');
    await mappings.setAlias(MERCHANT, 'TEE-S', BARCODES.teeS);
    const orders = createOrderIndex(pool);

    return {
      env,
      bareClient: new Client({ connection: env.connection, namespace: 'default' }),
      pool,
      sim,
      easyPost,
      orders,
      merchantId: MERCHANT,
      bundlePath,
      orderFor: (overrides = {}) => sampleOrder({ merchantId: MERCHANT, cartId: CART, ...overrides }),
      submit: (order, taskQueue) => submitOrder({ client: env.client, taskQueue, orders, carts }, order),
      restock,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
