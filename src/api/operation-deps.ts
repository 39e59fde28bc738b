import type { OperationDeps } from '../operations/deps';
import type { ApiDeps } from './app';

/** The operations layer's view of the API's dependencies; changes are audited with actor `api`. */
export function operationDeps(deps: ApiDeps): OperationDeps {
  return {
    pool: deps.pool,
    temporal: async () => ({ client: deps.temporal, taskQueue: deps.taskQueue }),
    secretBox: () => {
      if (!deps.secretBox) throw new Error('The API was started without EPF_SECRET_KEY; it cannot store secrets');
      return deps.secretBox;
    },
    actor: 'api',
  };
}
