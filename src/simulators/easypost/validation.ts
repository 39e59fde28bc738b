import type { z } from 'zod';
import { fieldName } from '../shared/field-name';
import { SimApiError } from './errors';

/** Overrides the status and code for problems in some fields (e.g. destination → 422 ORDER.DESTINATION.INVALID). */
export type ErrorClassifier = (field: string) => { status: number; code: string } | undefined;

/**
 * Parses `input` with `schema`, or throws the API's error naming every bad field:
 * 400 `REQUEST.BODY.INVALID` unless `classify` says otherwise for the first bad field.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  classify: ErrorClassifier = () => undefined,
  code = 'REQUEST.BODY.INVALID',
): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = fieldName(issue.path);
    return { field, message: field === '' ? issue.message : `${field}: ${issue.message}` };
  });
  const first = problems[0] ?? { field: '', message: 'invalid request' };
  const { status, code: firstCode } = classify(first.field) ?? { status: 400, code };
  const details = problems.map((problem) => ({ code: classify(problem.field)?.code ?? code, ...problem }));
  const message = problems.map((problem) => problem.message).join('; ');
  throw new SimApiError(status, firstCode, message, first.field, details);
}
