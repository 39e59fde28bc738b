import { describeProblems, plainErrors, problemsFromIssues } from '../domain/problems';
import { orderFixSchema } from '../orders/order-fix';
import type { OrderFix } from '../../workflows/definitions';
import { CliError } from './errors';

/** The fix in an `epf orders fix --file` document; throws one line naming each bad field. */
export function parseOrderFix(input: unknown): OrderFix {
  const result = orderFixSchema.safeParse(input, { error: plainErrors });
  if (!result.success) throw new CliError(`--file: ${describeProblems(problemsFromIssues(result.error.issues))}`);
  return result.data;
}
