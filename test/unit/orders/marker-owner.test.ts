import { orderWorkflowId } from '../../../src/domain/order';
import { orderMarker } from '../../../src/easypost/idempotent-create';
import { markerOwner } from '../../../src/orders/marker-owner';

describe('markerOwner', () => {
  it('reads the workflow ID and cart back from the marker that ends a description', () => {
    const workflowId = orderWorkflowId('acme-shop', 'gid://shopify/FulfillmentOrder/1:2');
    expect(markerOwner(`Gift wrap please ${orderMarker(workflowId)}`)).toEqual({
      marker: orderMarker(workflowId),
      cartId: 'acme-shop',
      workflowId,
    });
  });

  it('names the cart but not the workflow of a hashed marker', () => {
    const marker = orderMarker(orderWorkflowId('acme-shop', 'x'.repeat(200)));
    expect(markerOwner(marker)).toEqual({ marker, cartId: 'acme-shop', workflowId: undefined });
  });

  it('takes the last marker: merchant text before ours cannot redirect a shipment', () => {
    const ours = orderMarker(orderWorkflowId('acme-shop', '1001'));
    expect(markerOwner(`see epf:order:acme-shop:9999 ${ours}`)?.workflowId).toBe('order:acme-shop:1001');
  });

  it.each([[null], [''], ['another integration'], ['epf:order:'], ['epf:order:Acme:1'], ['epf:order:acme:1\u0000']])(
    'finds no owner in %j',
    (description) => {
      expect(markerOwner(description)).toBeUndefined();
    },
  );
});
