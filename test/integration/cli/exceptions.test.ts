import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { parseCsv } from '../../../src/cli/csv';
import type { Exception } from '../../../src/domain/exceptions';
import { createTestPool } from '../../helpers/database';
import { seedExceptionOrders, type ExceptionFixture } from '../../helpers/exception-orders';
import { uniqueTaskQueue } from '../../helpers/temporal';
import { runEpf } from './run-epf';
import { orderWorkflowId } from '../../../workflows/definitions';

const taskQueue = uniqueTaskQueue('cli-exceptions');
const epf = (args: string[]) => runEpf(taskQueue, args);
let pool: Pool;
let fixture: ExceptionFixture;

beforeAll(async () => {
  pool = createTestPool();
  fixture = await seedExceptionOrders(pool, 'cli-exc');
});

afterAll(async () => {
  await pool?.end();
});

describe('the orders index', () => {
  it("keeps the last error's field and type, and when a hold began across the daily resends", async () => {
    const row = async (number: string) =>
      (await pool.query('SELECT * FROM orders WHERE cart_id = $1 AND cart_order_id = $2', [fixture.cartId, number]))
        .rows[0];
    expect(await row('E1')).toMatchObject({ last_error_field: 'lines[0].sku', last_error_type: 'InvalidOrder' });

    // The daily resend: sending (the error carried, no detail) and back on hold.
    const heldSince = (await row('H2')).held_since;
    await fixture.record('H2', 'sending', { lastError: 'insufficient inventory' });
    expect(await row('H2')).toMatchObject({ held_since: heldSince, last_error_type: 'InsufficientInventory' });
    await fixture.record('H2', 'on_hold', {
      lastError: 'insufficient inventory',
      detail: { error: { message: 'insufficient inventory', type: 'InsufficientInventory' } },
    });
    expect((await row('H2')).held_since).toEqual(heldSince);

    // Sent at last: the hold and the error are over.
    await fixture.record('H3', 'on_hold', { lastError: 'x', detail: { error: { message: 'x', type: 'X' } } });
    await fixture.record('H3', 'at_wms');
    expect(await row('H3')).toMatchObject({ held_since: null, last_error: null, last_error_type: null });
  });
});

describe('epf exceptions', () => {
  it('lists what needs a person in a table, with the fix, and exits 0', async () => {
    const result = await epf(['exceptions', '--merchant', fixture.merchantId]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^MERCHANT\s+ORDER\s+KIND\s+SINCE\s+REASON\s+FIX$/);
    const kinds = lines.slice(1).map((line) => line.split(/\s{2,}/)[2]);
    expect(kinds.sort()).toEqual(['cancel_failed', 'long_hold', 'tracking_push_failed', 'unknown_sku']);
    expect(result.stdout).toContain(
      `epf aliases set ${fixture.merchantId} TEE-X <barcode>, then epf orders retry E1 --cart ${fixture.cartId}`,
    );
    for (const calm of ['H2', 'W1', 'OK']) expect(result.stdout).not.toContain(`${fixture.cartId} ${calm} `);
  });

  it('prints JSON with --json, and takes the thresholds as options', async () => {
    const result = await epf(['exceptions', '--merchant', fixture.merchantId, '--json', '--hold-days', '10']);
    expect(result.code).toBe(0);
    const found: Exception[] = JSON.parse(result.stdout);
    expect(found.map((e) => e.order?.cartOrderNumber).sort()).toEqual(['C1', 'E1', 'S1']);
    expect(found.find((e) => e.kind === 'unknown_sku')).toEqual({
      key: expect.stringMatching(/^unknown_sku:order:/),
      kind: 'unknown_sku',
      merchantId: fixture.merchantId,
      order: {
        cartId: fixture.cartId,
        cartOrderId: 'E1',
        cartOrderNumber: 'E1',
        workflowId: orderWorkflowId(fixture.cartId, 'E1'),
        status: 'error',
      },
      since: expect.any(String),
      reason: expect.stringContaining('unknown SKU "TEE-X"'),
      field: 'lines[0].sku',
      fix: `epf aliases set ${fixture.merchantId} TEE-X <barcode>, then epf orders retry E1 --cart ${fixture.cartId}`,
    });
  });

  it('refuses a bad threshold naming the option (exit 2), and an unknown merchant (exit 1)', async () => {
    const bad = await epf(['exceptions', '--hold-days', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--hold-days <n>' argument '0' is invalid");
    const unknown = await epf(['exceptions', '--merchant', 'no-such-merchant']);
    expect(unknown).toMatchObject({ code: 1, stderr: 'error: merchant no-such-merchant does not exist\n' });
  });
});

describe('epf orders export --csv', () => {
  it("streams the merchant's orders as CSV to stdout, filtered", async () => {
    const result = await epf(['orders', 'export', '--csv', '--merchant', fixture.merchantId, '--status', 'error']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const records = parseCsv(result.stdout);
    expect(records).toEqual([
      {
        line: 2,
        values: expect.objectContaining({
          cart_id: fixture.cartId,
          cart_order_number: 'E1',
          status: 'error',
          last_error: 'lines[0].sku: unknown SKU "TEE-X": add an alias to an EasyPost barcode',
          last_error_field: 'lines[0].sku',
          hold_count: '0',
          received_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
        }),
      },
    ]);
  });

  it('writes a large export to --out page by page, with a progress bar on stderr', async () => {
    const many = Array.from({ length: 1100 }, (_, i) => `BULK-${String(i).padStart(4, '0')}`);
    for (let i = 0; i < many.length; i += 100) {
      await Promise.all(many.slice(i, i + 100).map((number) => fixture.record(number, 'confirmed')));
    }
    const out = join(mkdtempSync(join(tmpdir(), 'epf-export-')), 'orders.csv');
    const result = await epf(['orders', 'export', '--csv', '--merchant', fixture.merchantId, '--out', out]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toMatch(/Exporting orders: (\d+)\/\1\n$/);
    const numbers = parseCsv(readFileSync(out, 'utf8')).map((record) => record.values.cart_order_number);
    expect(numbers.filter((number) => number?.startsWith('BULK-'))).toEqual(many);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('needs --csv, and refuses a bad filter naming the option (exit 2)', async () => {
    const missing = await epf(['orders', 'export']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--csv' not specified");
    const bad = await epf(['orders', 'export', '--csv', '--status', 'lost']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--status <status>' argument 'lost' is invalid");
  });
});
