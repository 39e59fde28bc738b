import { z } from 'zod';
import { addressSchema } from '../domain/order';
import { describeProblems, plainErrors, problemsFromIssues } from '../domain/problems';
import type { OrderFix } from '../../workflows/definitions';
import { CliError } from './errors';

// Strict, so a misspelt field (`shipto`, `shipTo.zipcode`) is reported instead of silently fixing nothing. The
// workflow validates the corrected order as a whole; this only checks the file's shape.
const orderFixSchema = z.strictObject({
  shipTo: addressSchema.partial().strict().optional(),
  skus: z.record(z.string(), z.string().trim().min(1)).optional(),
  shipMethod: z.string().trim().min(1).optional(),
  note: z.string().optional(),
}) satisfies z.ZodType<OrderFix>;

/** The fix in an `epf orders fix --file` document; throws one line naming each bad field. */
export function parseOrderFix(input: unknown): OrderFix {
  const result = orderFixSchema.safeParse(input, { error: plainErrors });
  if (!result.success) throw new CliError(`--file: ${describeProblems(problemsFromIssues(result.error.issues))}`);
  if (Object.keys(result.data).length === 0) throw new CliError('--file: the fix changes nothing');
  return result.data;
}
