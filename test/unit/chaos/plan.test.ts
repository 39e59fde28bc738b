import { FAULT_KIND_NAMES, perRuleRate } from '../../../chaos/fault-kinds';
import { askedKinds, planDisruptions } from '../../../chaos/faults';
import { CANCEL_STAGES, planOrders, type OrderPlan } from '../../../chaos/load';
import { seededRandom } from '../../../src/simulators/shared/random';

describe('chaos plans', () => {
  const plans = planOrders(2_000, seededRandom(7));
  const share = (test: (plan: OrderPlan) => boolean) => plans.filter(test).length / plans.length;

  it('makes 5% malformed and 15% low-stock orders, shuffled the same for the same seed', () => {
    expect(share((plan) => plan.malformed)).toBeCloseTo(0.05, 3);
    expect(share((plan) => plan.lowStock)).toBeCloseTo(0.15, 3);
    expect(planOrders(2_000, seededRandom(7))).toEqual(plans);
    expect(planOrders(2_000, seededRandom(8))).not.toEqual(plans);
  });

  it('has every kind of order at least once in a small run, and as many orders as asked', () => {
    const small = planOrders(60, seededRandom(1));
    expect(small).toHaveLength(60);
    for (const stage of CANCEL_STAGES) expect(small.some((plan) => plan.cancelAt === stage)).toBe(true);
    expect(small.some((plan) => plan.fate === 'malformed')).toBe(true);
    expect(small.filter((plan) => plan.lowStock && plan.fate === 'ship')).toHaveLength(7);
    expect(planOrders(3, seededRandom(1))).toHaveLength(3);
  });

  it('cancels orders in every state, and only where that state can be: on hold low stock, in error malformed', () => {
    for (const stage of CANCEL_STAGES) expect(share((plan) => plan.cancelAt === stage)).toBeGreaterThan(0.005);
    const misplanned = plans.filter(
      (plan) =>
        (plan.fate === 'cancel') !== (plan.cancelAt !== undefined) ||
        (plan.cancelAt === 'on_hold' && !plan.lowStock) ||
        (plan.cancelAt === 'error' || plan.fate === 'malformed') !== plan.malformed,
    );
    expect(misplanned).toEqual([]);
    expect(share((plan) => plan.fate === 'ship')).toBeGreaterThan(0.7);
  });

  it('gives each of n fault rules the rate that makes them fail the total share of calls together', () => {
    const each = perRuleRate(0.2, 4);
    expect(1 - (1 - each) ** 4).toBeCloseTo(0.2, 10);
  });

  it('asks for every fault kind by default, and for none of a side whose rate is 0', () => {
    expect(askedKinds(FAULT_KIND_NAMES, { easypost: 0.2, carts: 0.2 }).map((kind) => kind.name)).toEqual(
      FAULT_KIND_NAMES,
    );
    const easyPostOnly = askedKinds(FAULT_KIND_NAMES, { easypost: 0.2, carts: 0 }).map((kind) => kind.name);
    expect(easyPostOnly).toContain('easypost.commit_then_timeout');
    expect(easyPostOnly.every((name) => name.startsWith('easypost.'))).toBe(true);
    expect(askedKinds(['shopify.reset'], { easypost: 0.2, carts: 0.2 }).map((kind) => kind.name)).toEqual([
      'shopify.reset',
    ]);
  });

  it('places the kills and the restart while orders flow, kills in order', () => {
    const plan = planDisruptions(seededRandom(3), 3);
    expect(plan.kills).toHaveLength(3);
    expect([...plan.kills].sort((a, b) => a - b)).toEqual(plan.kills);
    for (const at of [...plan.kills, plan.postgresRestart]) {
      expect(at).toBeGreaterThanOrEqual(0.05);
      expect(at).toBeLessThanOrEqual(0.7);
    }
  });
});
