import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Pool } from 'pg';
import { createCartStore } from '../../../src/db/carts';
import { createTestPool } from '../../helpers/database';
import { inventoryPickupScheduleId, pullScheduleId, shipmentPickupScheduleId } from '../../../workflows/definitions';
import { connectDevServer, uniqueTaskQueue } from '../../helpers/temporal';
import { runEpf } from './run-epf';

// The database is shared by the whole test run: every ID this file creates carries the run's suffix.
const run = Date.now().toString(36);
const merchantId = `set-${run}`;
const cartId = `set-shop-${run}`;
const taskQueue = uniqueTaskQueue('cli-settings');
const epf = (args: string[], env?: NodeJS.ProcessEnv) => runEpf(taskQueue, args, { env });

let temporal: TestWorkflowEnvironment;
let pool: Pool;

/** A schedule's interval in seconds, as Temporal has it now. */
async function everySeconds(client: Client, scheduleId: string): Promise<number | undefined> {
  const every = (await client.schedule.getHandle(scheduleId).describe()).spec.intervals?.[0]?.every;
  return every === undefined ? undefined : Number(every) / 1000;
}

const auditRows = async (action: string) =>
  (
    await pool.query(
      'SELECT actor, cart_id, detail FROM audit_log WHERE merchant_id = $1 AND action = $2 ORDER BY id',
      [merchantId, action],
    )
  ).rows;

beforeAll(async () => {
  [temporal, pool] = await Promise.all([connectDevServer(), createTestPool()]);
  const merchant = await epf(['merchants', 'add', merchantId, '--name', 'Settings', '--test-key-env', 'KEY'], {
    KEY: `EZTK-settings-${run}`,
  });
  expect(merchant).toMatchObject({ code: 0, stderr: '' });
  const cart = await epf(
    ['carts', 'add', cartId, '--merchant', merchantId, '--type', 'shopify', '--name', 'Shop'].concat([
      '--warehouse',
      'wh_1',
      '--pull-every',
      '3600',
      '--earliest-order',
      '2027-01-01T00:00:00Z',
    ]),
  );
  expect(cart).toMatchObject({ code: 0, stderr: '' });
});

afterAll(async () => {
  await Promise.all([pool?.end(), temporal?.teardown()]);
});

describe('epf merchants set and carts set', () => {
  it('changes only the merchant settings given, audits them, and moves the pickup schedules at once', async () => {
    const set = await epf([
      'merchants',
      'set',
      merchantId,
      '--shipment-pickup-every',
      '60',
      '--order-delivery',
      'slots:09:00,14:30@Europe/Berlin',
    ]);
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('shipmentPickupSeconds: 300 -> 60');
    expect(set.stdout).toMatch(new RegExp(`^schedules updated: .*shipments:${merchantId}`, 'm'));
    expect(await everySeconds(temporal.client, shipmentPickupScheduleId(merchantId))).toBe(60);
    expect(await everySeconds(temporal.client, inventoryPickupScheduleId(merchantId))).toBe(900);

    const next = await epf([
      'merchants',
      'set',
      merchantId,
      '--inventory-pickup-every',
      '120',
      '--warehouse-routing',
      'easypost',
    ]);
    expect(next.code).toBe(0);
    expect(await everySeconds(temporal.client, inventoryPickupScheduleId(merchantId))).toBe(120);

    const show = await epf(['merchants', 'show', merchantId, '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({
      mode: 'test',
      settings: {
        resendHour: 1,
        resendZone: 'America/Los_Angeles',
        shipmentPickupSeconds: 60,
        inventoryPickupSeconds: 120,
        warehouseRouting: 'easypost',
        orderDelivery: { mode: 'slots', times: ['09:00', '14:30'], zone: 'Europe/Berlin' },
      },
    });
    expect((await epf(['merchants', 'show', merchantId])).stdout).toMatch(
      /order delivery\s+at 09:00, 14:30 Europe\/Berlin\n[^]*shipment pickup every\s+60 s/,
    );
    expect(await auditRows('merchant.settings')).toEqual([
      {
        actor: 'cli',
        cart_id: null,
        detail: {
          before: { shipmentPickupSeconds: 300, orderDelivery: { mode: 'immediately' } },
          after: {
            shipmentPickupSeconds: 60,
            orderDelivery: { mode: 'slots', times: ['09:00', '14:30'], zone: 'Europe/Berlin' },
          },
        },
      },
      {
        actor: 'cli',
        cart_id: null,
        detail: {
          before: { inventoryPickupSeconds: 900, warehouseRouting: 'rules' },
          after: { inventoryPickupSeconds: 120, warehouseRouting: 'easypost' },
        },
      },
    ]);
  });

  it('refuses a mode without its key, and audits each switch that add and set make', async () => {
    const refused = await epf(['merchants', 'set', merchantId, '--mode', 'production', '--resend-hour', '3']);
    expect(refused).toMatchObject({
      code: 1,
      stderr: `error: merchant ${merchantId} has no EasyPost production key: set it with epf merchants add ${merchantId} --production-key-env VAR\n`,
    });
    // Nothing of a refused command is kept, the settings given with it included.
    const unchanged = JSON.parse((await epf(['merchants', 'show', merchantId, '--json'])).stdout);
    expect(unchanged).toMatchObject({ mode: 'test', settings: { resendHour: 1 } });

    const added = await epf(
      ['merchants', 'add', merchantId, '--name', 'Settings', '--production-key-env', 'KEY', '--mode', 'production'],
      { KEY: `EZAK-settings-${run}` },
    );
    expect(added.stdout).toMatch(/mode\s+production/);
    const back = await epf(['merchants', 'set', merchantId, '--mode', 'test']);
    expect(back).toMatchObject({
      code: 0,
      // The new world's stock at once: the inventory pickup runs now.
      stdout: `mode: production -> test\ninventory-pickup:${merchantId}: triggered\n`,
    });
    expect((await auditRows('merchant.mode')).map((row) => row.detail)).toEqual([
      { from: 'test', to: 'production' },
      { from: 'production', to: 'test' },
    ]);
  });

  it('changes only the cart settings given, audits them, and moves the pull schedule at once', async () => {
    const set = await epf(
      ['carts', 'set', cartId, '--pull-every', '120', '--tracking-upload-every', '600'].concat([
        '--minimum-inventory',
        '3',
        '--warehouse',
        'wh_2',
        '--warehouse',
        'wh_3',
      ]),
    );
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('orderPullSeconds: 3600 -> 120');
    expect(set.stdout).toMatch(new RegExp(`^schedules updated: .*pull:${cartId}`, 'm'));
    expect(await everySeconds(temporal.client, pullScheduleId(cartId))).toBe(120);
    expect(await auditRows('cart.settings')).toEqual([
      {
        actor: 'cli',
        cart_id: cartId,
        detail: {
          before: { warehouseIds: ['wh_1'], orderPullSeconds: 3600, trackingUploadSeconds: 0, minimumInventory: 0 },
          after: {
            warehouseIds: ['wh_2', 'wh_3'],
            orderPullSeconds: 120,
            trackingUploadSeconds: 600,
            minimumInventory: 3,
          },
        },
      },
    ]);
    expect(await epf(['carts', 'set', cartId, '--pull-every', '120'])).toMatchObject({
      code: 0,
      stdout: 'nothing changed\n',
    });
  });

  it('keeps stored cart settings when carts add is run again without them', async () => {
    const again = await epf([
      'carts',
      'add',
      cartId,
      '--merchant',
      merchantId,
      '--type',
      'shopify',
      '--name',
      'Shop 2',
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/tracking upload\s+every 600 s\n[^]*minimum inventory\s+3 units/);
    expect(await createCartStore(pool).get(cartId)).toMatchObject({
      name: 'Shop 2',
      settings: {
        warehouseIds: ['wh_2', 'wh_3'],
        orderPullSeconds: 120,
        earliestOrderAt: '2027-01-01T00:00:00Z',
        trackingUploadSeconds: 600,
        minimumInventory: 3,
      },
    });
    expect(await everySeconds(temporal.client, pullScheduleId(cartId))).toBe(120);
  });

  it('exits 2 naming the option on a bad value, and 1 naming a merchant or cart that does not exist', async () => {
    const [delivery, pull, routing, merchant, cart] = await Promise.all([
      epf(['merchants', 'set', merchantId, '--order-delivery', 'slots:25:00']),
      epf(['carts', 'set', cartId, '--pull-every', '5']),
      epf(['merchants', 'set', merchantId, '--warehouse-routing', 'maybe']),
      epf(['merchants', 'set', `nobody-${run}`, '--resend-hour', '2']),
      epf(['carts', 'set', `nothing-${run}`, '--name', 'x']),
    ]);
    expect([delivery.code, pull.code, routing.code]).toEqual([2, 2, 2]);
    expect(delivery.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/option '--order-delivery <spec>'.*slot 25:00 must be a local time HH:MM/),
    ]);
    expect(pull.stderr.trim()).toMatch(/option '--pull-every <seconds>'.*must be a whole number from 30 to 86400/);
    expect(routing.stderr.trim()).toMatch(
      /option '--warehouse-routing <rules\|easypost>'.*Allowed choices are rules, easypost/,
    );
    expect(merchant).toMatchObject({
      code: 1,
      stderr: `error: merchant nobody-${run} does not exist: add it with epf merchants add nobody-${run}\n`,
    });
    expect(cart).toMatchObject({
      code: 1,
      stderr: `error: cart nothing-${run} does not exist: add it with epf carts add nothing-${run}\n`,
    });
  });

  it("sets and clears a cart's item filter, refusing an allow-list with nothing on it", async () => {
    const set = await epf(['carts', 'set', cartId, '--item-filter', 'deny:GIFT-*, SAMPLE']);
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect((await createCartStore(pool).get(cartId))?.settings.itemFilter).toEqual({
      mode: 'deny',
      patterns: ['GIFT-*', 'SAMPLE'],
    });
    const [cleared, empty] = await Promise.all([
      epf(['carts', 'set', cartId, '--item-filter', 'none']),
      epf(['carts', 'set', cartId, '--item-filter', 'allow:']),
    ]);
    expect(cleared.code).toBe(0);
    expect((await createCartStore(pool).get(cartId))?.settings.itemFilter).toEqual({ mode: 'deny', patterns: [] });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/option '--item-filter <filter>'.*must be allow:<sku or glob>/);
  });

  it("removes a cart's default service with --default-service none", async () => {
    expect(await epf(['carts', 'set', cartId, '--default-service', 'ground'])).toMatchObject({ code: 0, stderr: '' });
    expect((await createCartStore(pool).get(cartId))?.settings.defaultService).toBe('ground');
    const cleared = await epf(['carts', 'set', cartId, '--default-service', 'none']);
    expect(cleared).toMatchObject({ code: 0, stderr: '' });
    expect(cleared.stdout).toContain('defaultService: ground ->');
    expect((await createCartStore(pool).get(cartId))?.settings).not.toHaveProperty('defaultService');
  });
});
