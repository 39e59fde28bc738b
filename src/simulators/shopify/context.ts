import { randomBytes } from 'node:crypto';
import type { InjectedFault } from '../shared/fault-input';
import { FaultRules } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import { RequestLog } from '../shared/request-log';
import type { FaultKind } from './control-schemas';
import { IdSequence } from './ids';
import type { ShopState } from './state';

/** Everything one simulator instance holds, shared by the API route and the control. */
export class SimContext {
  ids: IdSequence;
  readonly shops = new Map<string, ShopState>();
  /** Fault rules; `route` is the GraphQL operation name a rule targets, or `*`. */
  readonly faults: FaultRules<InjectedFault<FaultKind>>;
  readonly requests = new RequestLog<FaultKind>();

  constructor(
    random: Random,
    private readonly firstId?: number,
  ) {
    this.ids = new IdSequence(firstId);
    this.faults = new FaultRules(random, () => `fault_${randomBytes(8).toString('hex')}`);
  }

  reset(): void {
    this.ids = new IdSequence(this.firstId);
    this.shops.clear();
    this.faults.clear();
    this.requests.clear();
  }
}
