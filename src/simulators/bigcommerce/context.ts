import { RequestLog } from '../shared/request-log';
import type { Random } from '../shared/random';
import type { FaultKind } from './control-schemas';
import { createFaultRules } from './faults';
import { StoreRegistry } from './state';

/** Everything one simulator instance holds, shared by the API routes and the control. */
export interface SimContext {
  readonly registry: StoreRegistry;
  readonly faults: ReturnType<typeof createFaultRules>;
  readonly requests: RequestLog<FaultKind>;
  /** Where the server listens, so control answers can give the API URL. */
  baseUrl: string;
}

export function createContext(random: Random, firstId?: number): SimContext {
  return {
    registry: new StoreRegistry(firstId),
    faults: createFaultRules(random),
    requests: new RequestLog(),
    baseUrl: '',
  };
}
