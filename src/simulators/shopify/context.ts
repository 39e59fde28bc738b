import { randomBytes } from 'node:crypto';
import type { InjectedFault } from '../shared/fault-input';
import { FaultRules } from '../shared/fault-rules';
import type { Random } from '../shared/random';
import { RequestLog } from '../shared/request-log';
import { LATE_REQUEST, type FaultKind } from './control-schemas';
import { IdSequence } from './ids';
import { LateRequests } from './late-requests';
import { Notifications } from './notifications';
import type { ShopState } from './state';

/** Everything one simulator instance holds, shared by the API route and the control. */
export class SimContext {
  ids: IdSequence;
  readonly shops = new Map<string, ShopState>();
  /** Fault rules; `route` is the GraphQL operation name a rule targets, or `*`. */
  readonly faults: FaultRules<InjectedFault<FaultKind>>;
  /** The `late_request` fault's rules, drawn per new order rather than per request. */
  readonly lateRequests: LateRequests;
  /** The fulfillment services' callbacks, their faults and what was delivered. */
  readonly notifications: Notifications;
  readonly requests = new RequestLog<FaultKind>();

  constructor(
    random: Random,
    private readonly firstId?: number,
  ) {
    this.ids = new IdSequence(firstId);
    const faultId = () => `fault_${randomBytes(8).toString('hex')}`;
    this.faults = new FaultRules(random, faultId);
    this.notifications = new Notifications(random, faultId);
    // A request that comes late is a fulfillment request like any other: the service is told.
    this.lateRequests = new LateRequests(random, faultId, (shop) =>
      this.notifications.send(shop, 'FULFILLMENT_REQUEST'),
    );
  }

  reset(): void {
    this.ids = new IdSequence(this.firstId);
    this.shops.clear();
    this.faults.clear();
    this.lateRequests.clear();
    this.notifications.clear();
    this.clearCounts();
  }

  /** The request log and the late requests counted with it: what `faultCounts` tallies. */
  clearCounts(): void {
    this.requests.clear();
    this.lateRequests.fired = 0;
    this.notifications.clearLog();
  }

  /** Faults that fired since the last reset or clear of the request log, by kind. */
  faultCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { fault } of this.requests.list()) if (fault) counts[fault] = (counts[fault] ?? 0) + 1;
    if (this.lateRequests.fired > 0) counts[LATE_REQUEST] = this.lateRequests.fired;
    for (const [kind, n] of this.notifications.fired) counts[kind] = n;
    return counts;
  }
}
