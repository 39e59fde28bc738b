import { temporal } from '@temporalio/proto';
import { SecretBox } from '../../../src/crypto/secret-box';
import { createCartStore } from '../../../src/db/carts';
import { shipmentsOf } from '../../../src/easypost';
import { toShipmentUpdate } from '../../../src/orders/shipment-update';
import { DEMO_KEYS } from '../../../src/simulators/easypost/demo';
import { ENCRYPTED_ENCODING } from '../../../src/temporal/codec/aes-gcm-codec';
import { shipmentUpdateSignal, statusQuery } from '../../../workflows/definitions';
import { waitForStatus } from '../../workflows/order-fakes';
import { TEST_SECRET_KEY } from '../../helpers/database';
import { startOrderStack, type OrderStack } from '../../helpers/order-stack';
import { testDataConverter } from '../../helpers/temporal';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payload = temporal.api.common.v1.IPayload;

let stack: OrderStack;
// A cart secret that must never be stored or sent in clear; the manual cart ignores its credentials.
const CART_SECRET = `shpat_${'5ec7e7'.repeat(6)}`;

beforeAll(async () => {
  stack = await startOrderStack('encrypted');
  await createCartStore(stack.pool, new SecretBox(TEST_SECRET_KEY)).upsert({
    id: stack.cartId,
    merchantId: stack.merchantId,
    type: 'manual',
    name: 'Phone orders',
    credentials: { accessToken: CART_SECRET },
  });
  await stack.startWorker();
});

afterAll(async () => {
  await stack?.close();
});

/** The workflow's history as Temporal stores it: raw protobuf, no codec applied. */
async function rawHistory(workflowId: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await stack.env.client.workflowService.getWorkflowExecutionHistory({
      namespace: stack.env.namespace ?? 'default',
      execution: { workflowId },
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return events;
}

/**
 * Every payload of a message, however deep (a Payload is any object with `metadata` and `data`), but for those clear
 * by design: search attributes, which operators filter on, and a local activity marker's `data`, the SDK's own
 * bookkeeping (sequence, attempt, activity type) beside the result, which is a payload of its own.
 */
function payloadsIn(value: unknown, found: Payload[] = [], key = ''): Payload[] {
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return found;
  if ('metadata' in value && 'data' in value) found.push(value as Payload);
  for (const [childKey, child] of Object.entries(value)) {
    if (childKey === 'searchAttributes' || (key === 'details' && childKey === 'data')) continue;
    payloadsIn(child, found, childKey);
  }
  return found;
}

const encodingOf = (payload: Payload) => Buffer.from(payload.metadata?.encoding ?? []).toString('utf8');

describe('encrypted history', () => {
  it('stores no order data or secret in clear in Temporal, and no secret in clear in PostgreSQL', async () => {
    const order = stack.orderFor();
    expect((await stack.submit(order)).outcome).toBe('started');
    const handle = stack.handleOf(order);
    await waitForStatus(handle, 'at_wms');
    const { easyPostOrderId } = await handle.query(statusQuery);
    stack.sim.control.advanceOrder(easyPostOrderId!, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
    const packages = shipmentsOf(await stack.easyPost().getOrder(easyPostOrderId!));
    for (const shipment of packages)
      await handle.signal(shipmentUpdateSignal, toShipmentUpdate(shipment, packages.length)!);
    expect((await handle.result()).status).toBe('confirmed');

    const events = await rawHistory(handle.workflowId);
    const payloads = events.flatMap((event) => payloadsIn(event));
    // Input, activity inputs and results, signals, the result: dozens of payloads, each one sealed.
    expect(payloads.length).toBeGreaterThan(10);
    expect(payloads.filter((payload) => encodingOf(payload) !== ENCRYPTED_ENCODING).map(encodingOf)).toEqual([]);

    const bytes = Buffer.from(temporal.api.history.v1.History.encode({ events }).finish());
    const secrets = [DEMO_KEYS.test_key, DEMO_KEYS.production_key, CART_SECRET, TEST_SECRET_KEY];
    for (const needle of [order.shipTo.name, order.shipTo.street1, ...secrets]) {
      expect({ needle, inHistory: bytes.includes(needle) }).toEqual({ needle, inHistory: false });
    }

    // The check above is not vacuous: the workflow's input, decrypted, does hold the address.
    const started = events[0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
    const [input] = await testDataConverter.payloadCodecs![0]!.decode(started);
    expect(Buffer.from(input!.data!).toString('utf8')).toContain(order.shipTo.street1);

    // PostgreSQL: every text-like column of every table, read raw.
    const { rows: columns } = await stack.pool.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea')`,
    );
    expect(columns.map((column) => `${column.table_name}.${column.column_name}`)).toContain('carts.credentials_enc');
    for (const { table_name: table, column_name: column, data_type: type } of columns) {
      const asText = type === 'bytea' ? `encode("${column}", 'escape')` : `"${column}"::text`;
      for (const needle of secrets) {
        const { rows } = await stack.pool.query(
          `SELECT count(*)::int AS n FROM "${table}" WHERE strpos(${asText}, $1) > 0`,
          [needle],
        );
        expect({ table, column, needle, rows: rows[0].n }).toEqual({ table, column, needle, rows: 0 });
      }
    }
    // The orders index keeps a one-line summary for `epf orders list`: city and country, never name or street.
    const { rows: indexed } = await stack.pool.query('SELECT * FROM orders WHERE cart_id = $1 AND cart_order_id = $2', [
      stack.cartId,
      order.cartOrderId,
    ]);
    expect(indexed[0].summary).toContain(order.shipTo.city);
    expect(JSON.stringify(indexed)).not.toContain(order.shipTo.street1);
    expect(JSON.stringify(indexed)).not.toContain(order.shipTo.name);
    const { rows: merchants } = await stack.pool.query('SELECT * FROM merchants WHERE id = $1', [stack.merchantId]);
    expect(JSON.stringify(merchants)).not.toContain(DEMO_KEYS.test_key);
  });
});
