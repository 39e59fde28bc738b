import { throttleWaitMs } from '../../../../src/carts/shopify/throttle';

describe('Shopify throttle wait', () => {
  const cost = (requested: number, available: number, rate: number) => ({
    requestedQueryCost: requested,
    actualQueryCost: null,
    throttleStatus: { maximumAvailable: 1000, currentlyAvailable: available, restoreRate: rate },
  });

  it('waits for the missing points at the restore rate, plus slack', () => {
    expect(throttleWaitMs(cost(642, 42, 50))).toBe(12_050);
    expect(throttleWaitMs(cost(10, 500, 50))).toBe(50);
  });
});
