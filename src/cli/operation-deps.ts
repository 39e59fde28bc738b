import type { OperationDeps } from '../operations/deps';
import type { CliContext } from './context';

/** The operations layer's view of the CLI's context; changes are audited with actor `cli`. */
export async function operationDeps(ctx: CliContext): Promise<OperationDeps> {
  return { pool: await ctx.pool(), temporal: () => ctx.temporal(), secretBox: () => ctx.secretBox(), actor: 'cli' };
}
