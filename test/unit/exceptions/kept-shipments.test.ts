import type { KeptShipment } from '../../../src/db/kept-shipments';
import { keptShipmentExceptions } from '../../../src/exceptions/kept-shipments';
import { orderWorkflowId } from '../../../workflows/definitions';

const kept = (overrides: Partial<KeptShipment> = {}): KeptShipment => ({
  easyPostOrderId: 'order_1',
  merchantId: 'acme',
  cartId: 'acme-shop',
  marker: "epf:order:acme-shop:#1001_it's",
  workflowId: orderWorkflowId('acme-shop', "#1001 it's"),
  updates: [],
  reason: 'workflow order:acme-shop:#1001 is not running',
  revision: 3,
  firstKeptAt: new Date('2026-12-01T10:00:00Z'),
  ...overrides,
});

describe('keptShipmentExceptions', () => {
  it('names the EasyPost order, why it is kept, and the order to look at, quoted for the shell', () => {
    const [exception] = keptShipmentExceptions([kept()]);
    expect(exception).toMatchObject({
      key: 'kept_shipment:order_1:2026-12-01T10:00:00.000Z',
      kind: 'kept_shipment',
      merchantId: 'acme',
      since: '2026-12-01T10:00:00.000Z',
      reason: expect.stringMatching(
        /^EasyPost shipped order order_1 .*: workflow order:acme-shop:#1001 is not running$/,
      ),
    });
    expect(exception!.fix).toMatch(/^epf orders show '#1001 it'\\''s' --cart acme-shop; /);
    expect(exception!.fix).toMatch(/DELETE FROM kept_shipments WHERE easypost_order_id = 'order_1'$/);
  });

  it('points at the marker when only the index could name the workflow', () => {
    const [exception] = keptShipmentExceptions([kept({ workflowId: undefined, marker: 'epf:order:acme-shop:x~0123' })]);
    expect(exception!.fix).toMatch(/^find the order marked epf:order:acme-shop:x~0123 in EasyPost/);
  });
});
