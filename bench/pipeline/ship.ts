import { createKeptShipmentStore } from '../../src/db/kept-shipments';
import { signalOrderShipments } from '../../src/orders/shipment-events';
import { DEMO_KEYS } from '../../src/simulators/easypost/demo';
import type { PipelineStack } from './stack';

/**
 * Ships the order at the simulator and brings its tracking to the workflow the way EasyPost's webhook does: the
 * EasyPost order, found in the orders index by its ID, signalled per package.
 */
export async function shipAtEasyPost(stack: PipelineStack, easyPostOrderId: string): Promise<void> {
  stack.sim.control.advanceOrder(easyPostOrderId, { api_key: DEMO_KEYS.test_key, to: 'shipped' });
  const order = await stack.easyPost.getOrder(easyPostOrderId);
  const deps = { temporal: stack.env.client, orders: stack.orders, kept: createKeptShipmentStore(stack.pool) };
  const result = await signalOrderShipments(deps, order);
  if (result.outcome !== 'signalled') throw new Error(`${easyPostOrderId}: shipment not signalled (${result.outcome})`);
}
