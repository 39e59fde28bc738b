import { randomBytes } from 'node:crypto';
import { FaultRules } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import { RequestLog } from '../shared/request-log';
import type { FaultKind } from './control-schemas';
import { IdSequence } from './ids';
import type { ShopState } from './state';

/** One fault rule; `route` is the GraphQL operation name it targets, or `*`. */
export interface ShopifyFault {
  route: string;
  kind: FaultKind;
  rate: number;
  times: number | undefined;
  seed: number | undefined;
  latencyMs: number;
  retryAfterS: number;
  status: number;
}

/** Everything one simulator instance holds, shared by the API route and the control. */
export class SimContext {
  ids = new IdSequence();
  readonly shops = new Map<string, ShopState>();
  readonly faults: FaultRules<ShopifyFault>;
  readonly requests = new RequestLog<FaultKind>();

  constructor(random: Random) {
    this.faults = new FaultRules(random, () => `fault_${randomBytes(8).toString('hex')}`);
  }

  reset(): void {
    this.ids = new IdSequence();
    this.shops.clear();
    this.faults.clear();
    this.requests.clear();
  }
}
