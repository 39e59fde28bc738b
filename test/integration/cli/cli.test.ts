import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { createOrderIndex } from '../../../src/db/orders';
import { createTestPool } from '../../helpers/database';
import { uniqueTaskQueue } from '../../helpers/temporal';
import { runEpf } from './run-epf';
import { orderWorkflowId, pullScheduleId } from '../../../workflows/definitions';

// The database is shared by the whole test run: every ID this file creates carries the run's suffix.
const run = Date.now().toString(36);
const merchantId = `cli-${run}`;
const cartA = `cli-a-${run}`;
const cartB = `cli-b-${run}`;
const TEST_KEY = `EZTK-cli-secret-${run}`;

let taskQueue: string;

const epf = (args: string[], options: Parameters<typeof runEpf>[2] = {}) => runEpf(taskQueue, args, options);

const order = (overrides: Record<string, unknown> = {}) => ({
  merchantId,
  cartId: cartA,
  cartOrderId: `o-${run}`,
  cartOrderNumber: '#1001',
  placedAt: '2027-03-14T01:30:00-08:00',
  shipTo: { name: 'Ada', street1: '1 Main St', city: 'Springfield', zip: '12345', country: 'US' },
  lines: [{ lineId: 'l1', sku: 'TEE-M', quantity: 1 }],
  shipMethod: 'standard',
  ...overrides,
});

describe('the epf CLI as a process', () => {
  let pool: Pool;

  beforeAll(async () => {
    taskQueue = uniqueTaskQueue('cli');
    pool = createTestPool();
    const added = await epf(['merchants', 'add', merchantId, '--name', 'CLI Test', '--test-key-env', 'CLI_KEY'], {
      env: { CLI_KEY: TEST_KEY },
    });
    expect(added).toMatchObject({ code: 0, stderr: '' });
    const carts = await Promise.all(
      [cartA, cartB].map((cart) =>
        epf([
          'carts',
          'add',
          cart,
          '--merchant',
          merchantId,
          '--type',
          'manual',
          '--name',
          cart,
          '--warehouse',
          'wh_1',
        ]),
      ),
    );
    expect(carts.map((result) => result.code)).toEqual([0, 0]);
  });
  afterAll(async () => {
    await pool?.end();
  });

  it('adds a merchant with a key from the environment and never prints the key', async () => {
    const [text, json] = await Promise.all([
      epf(['merchants', 'show', merchantId]),
      epf(['merchants', 'show', merchantId, '--json']),
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/test key\s+set/);
    expect(text.stdout).toMatch(/production key\s+not set/);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: merchantId, mode: 'test', hasTestKey: true });
    expect(text.stdout + json.stdout).not.toContain(TEST_KEY);
  });

  it('sets aliases, bundles and ship methods, and names a merchant that does not exist', async () => {
    const [alias, bundle, shipMethod, unknown] = await Promise.all([
      epf(['aliases', 'set', merchantId, 'TEE-M', '0123456789012']),
      epf(['bundles', 'set', merchantId, 'TEE-PACK', '0123456789012:3', '0123456789029:1']),
      epf(['ship-methods', 'set', merchantId, 'Express', 'express']),
      epf(['aliases', 'set', `nobody-${run}`, 'TEE-M', '0123456789012']),
    ]);
    expect([alias.code, bundle.code, shipMethod.code]).toEqual([0, 0, 0]);
    const { rows } = await pool.query(
      'SELECT bundle_sku, barcode, units FROM bundle_components WHERE merchant_id = $1',
      [merchantId],
    );
    expect(rows).toHaveLength(2);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(
      `error: merchant nobody-${run} does not exist: add it with epf merchants add nobody-${run}`,
    );
  });

  it('lists merchants, carts and the mapping, as tables and as JSON', async () => {
    const [merchants, carts, cart, aliases, bundles, shipMethods] = await Promise.all([
      epf(['merchants', 'list', '--json']),
      epf(['carts', 'list', '--merchant', merchantId, '--json']),
      epf(['carts', 'show', cartA]),
      epf(['aliases', 'list', merchantId, '--json']),
      epf(['bundles', 'list', merchantId]),
      epf(['ship-methods', 'list', merchantId, '--json']),
    ]);
    expect(JSON.parse(merchants.stdout)).toContainEqual(expect.objectContaining({ id: merchantId, mode: 'test' }));
    expect(JSON.parse(carts.stdout).map((c: { id: string }) => c.id)).toEqual([cartA, cartB]);
    expect(cart.stdout).toMatch(new RegExp(`merchant\\s+${merchantId}`));
    expect(JSON.parse(aliases.stdout)).toContainEqual({ sku: 'TEE-M', barcode: '0123456789012' });
    expect(bundles.stdout).toMatch(/TEE-PACK\s+0123456789012:3 0123456789029:1/);
    expect(JSON.parse(shipMethods.stdout)).toContainEqual({ cart_method: 'express', service: 'express' });
    expect(merchants.stdout + carts.stdout + cart.stdout).not.toContain(TEST_KEY);
  });

  it("updates a merchant's key without repeating its name; a new merchant needs one", async () => {
    const rekeyed = await epf(['merchants', 'add', merchantId, '--test-key-env', 'KEY'], { env: { KEY: TEST_KEY } });
    expect(rekeyed.code).toBe(0);
    expect(rekeyed.stdout).toMatch(/name\s+\S/);
    const nameless = await epf(['merchants', 'add', `${merchantId}-new`, '--test-key-env', 'KEY'], {
      env: { KEY: TEST_KEY },
    });
    expect(nameless).toMatchObject({ code: 1 });
    expect(nameless.stderr).toContain(`--name: merchant ${merchantId}-new is new and needs a display name`);
  });

  it('reads a key from a prompt without echoing it', async () => {
    const prompted = await epf(['merchants', 'add', `${merchantId}-p`, '--name', 'Prompted', '--test-key-prompt'], {
      stdin: 'EZTK-prompted-secret\n',
    });
    expect(prompted).toMatchObject({ code: 0, stderr: 'EasyPost test key: \n' });
    expect(prompted.stdout).toMatch(/test key\s+set/);
    expect(prompted.stdout + prompted.stderr).not.toContain('EZTK-prompted-secret');
    const empty = await epf(['merchants', 'add', `${merchantId}-q`, '--name', 'Empty', '--test-key-prompt']);
    expect(empty).toMatchObject({ code: 1 });
    expect(empty.stderr).toContain('--test-key-prompt: no EasyPost test key entered');
  });

  it('imports aliases and bundles from CSV, and imports nothing from a file with a bad row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'epf-csv-'));
    writeFileSync(join(dir, 'aliases.csv'), 'sku,barcode\nCSV-A,111\n"CSV, B",222\n');
    writeFileSync(join(dir, 'bundles.csv'), 'bundle_sku,barcode,units\nCSV-KIT,111,2\nCSV-KIT,222,1\n');
    writeFileSync(join(dir, 'bad.csv'), 'sku,barcode\nCSV-C,333\nCSV-D,\n');
    const aliases = await epf(['aliases', 'import', merchantId, '--file', join(dir, 'aliases.csv')]);
    const bundles = await epf(['bundles', 'import', merchantId, '--file', join(dir, 'bundles.csv')]);
    const bad = await epf(['aliases', 'import', merchantId, '--file', join(dir, 'bad.csv')]);

    expect([aliases.code, bundles.code]).toEqual([0, 0]);
    expect(aliases.stdout).toContain('2 aliases imported');
    expect(aliases.stderr).toContain('importing aliases: 2/2');
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/nothing imported.*line 3, barcode: required$/);
    const { rows } = await pool.query(
      'SELECT sku FROM sku_aliases WHERE merchant_id = $1 AND sku LIKE $2 ORDER BY sku',
      [merchantId, 'CSV%'],
    );
    expect(rows.map((row) => row.sku)).toEqual(['CSV, B', 'CSV-A']);
    const kit = await pool.query('SELECT count(*)::int AS n FROM bundle_components WHERE bundle_sku = $1', ['CSV-KIT']);
    expect(kit.rows[0].n).toBe(2);
  });

  it('rejects an invalid order naming the field, and exits 1', async () => {
    const result = await epf(['orders', 'submit', '--file', '-'], {
      stdin: JSON.stringify(order({ shipTo: { ...order().shipTo, zip: '' } })),
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: invalid order: shipTo.zip: must not be empty');
  });

  it('submits a valid order once: the repeat names the existing workflow and is not a failure', async () => {
    const stdin = JSON.stringify(order({ cartOrderId: `submit-${run}` }));
    const first = await epf(['orders', 'submit', '--file', '-'], { stdin });
    expect(first).toMatchObject({ code: 0, stdout: `${orderWorkflowId(cartA, `submit-${run}`)}\n` });
    const repeat = await epf(['orders', 'submit', '--file', '-'], { stdin });
    expect(repeat).toMatchObject({ code: 0, stdout: expect.stringContaining('already exists') });
  });

  it('pauses, resumes and triggers the schedules a cart gets, and names one that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'epf-shop-'));
    const credentials = {
      shopUrl: 'http://127.0.0.1:1/shops/none',
      accessToken: 'token',
      locationId: 'gid://shopify/Location/1',
    };
    writeFileSync(join(dir, 'shop.json'), JSON.stringify(credentials));
    const shop = `cli-shop-${run}`;
    const added = await epf([
      'carts',
      'add',
      shop,
      '--merchant',
      merchantId,
      '--type',
      'shopify',
      '--name',
      'Shop',
      '--credentials-file',
      join(dir, 'shop.json'),
      '--pull-every',
      '3600',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(pullScheduleId(shop));
    expect(added.stdout).not.toContain('token');

    expect((await epf(['schedules', 'pause', pullScheduleId(shop), '--note', 'cart down'])).stdout.trim()).toBe(
      `${pullScheduleId(shop)}: paused`,
    );
    const listed = JSON.parse((await epf(['schedules', 'list', '--json'])).stdout) as { id: string; paused: boolean }[];
    expect(listed.find((schedule) => schedule.id === pullScheduleId(shop))?.paused).toBe(true);
    expect((await epf(['schedules', 'resume', pullScheduleId(shop)])).code).toBe(0);
    expect((await epf(['schedules', 'trigger', pullScheduleId(shop)])).stdout.trim()).toBe(
      `${pullScheduleId(shop)}: triggered`,
    );

    const missing = await epf(['schedules', 'pause', pullScheduleId('nothing-here')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(
      `error: schedule ${pullScheduleId('nothing-here')} does not exist: see epf schedules list`,
    );
  });

  it('exits 2 on bad usage with one line naming the option', async () => {
    const [status, since] = await Promise.all([
      epf(['orders', 'list', '--status', 'lost']),
      epf(['orders', 'list', '--since', 'last week']),
    ]);
    expect([status.code, since.code]).toEqual([2, 2]);
    expect(status.stderr.trim().split('\n')).toEqual([expect.stringContaining("option '--status <status>'")]);
    expect(since.stderr.trim().split('\n')).toEqual([expect.stringContaining("option '--since <when>'")]);
  });

  it('lists and shows orders from the index; a number shared by two carts needs --cart', async () => {
    await createOrderIndex(pool).recordTransitions(
      [cartA, cartB].map((cartId) => ({
        cartId,
        cartOrderId: `o-${run}`,
        cartOrderNumber: `#${run}`,
        merchantId,
        workflowId: orderWorkflowId(cartId, `o-${run}`),
        status: 'on_hold',
        holdCount: 2,
        summary: 'test',
        actor: 'workflow',
      })),
    );
    const [list, ambiguous, show, unknown] = await Promise.all([
      epf(['orders', 'list', '--merchant', merchantId, '--status', 'on_hold', '--since', '1h', '--json']),
      epf(['orders', 'show', `#${run}`]),
      epf(['orders', 'show', `#${run}`, '--cart', cartA, '--json']),
      epf(['orders', 'cancel', `missing-${run}`, '--reason', 'test']),
    ]);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ cartOrderNumber: `#${run}`, status: 'on_hold', holdCount: 2 }),
      expect.objectContaining({ cartOrderNumber: `#${run}`, status: 'on_hold', holdCount: 2 }),
    ]);
    expect(ambiguous).toMatchObject({
      code: 1,
      stderr: `error: ambiguous ref: #${run} matches 2 orders, pass --cart\n`,
    });
    // No workflow was started for these rows: the index still answers, the live part says why it is missing.
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({
      order: { cartId: cartA, workflowId: orderWorkflowId(cartA, `o-${run}`) },
      live: null,
      liveUnavailable: expect.stringContaining('not found'),
      trackingPushes: [],
    });
    expect(unknown).toMatchObject({ code: 1, stderr: `error: no order matches missing-${run}\n` });
  });
});
