import { perRuleRate, planDisruptions } from '../../../chaos/faults';
import { planFates } from '../../../chaos/load';
import { seededRandom } from '../../../src/simulators/shared/random';

describe('chaos plans', () => {
  it('splits orders about 5% malformed, 10% cancelled, the rest shipped, the same for the same seed', () => {
    const fates = planFates(10_000, seededRandom(7));
    const share = (fate: string) => fates.filter((f) => f === fate).length / fates.length;
    expect(share('malformed')).toBeCloseTo(0.05, 2);
    expect(share('cancel')).toBeCloseTo(0.1, 2);
    expect(planFates(100, seededRandom(7))).toEqual(fates.slice(0, 100));
  });

  it('gives each of n fault rules the rate that makes them fail the total share of calls together', () => {
    const each = perRuleRate(0.2, 4);
    expect(1 - (1 - each) ** 4).toBeCloseTo(0.2, 10);
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
