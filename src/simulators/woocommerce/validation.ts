import type { z } from 'zod';
import { fieldName } from '../shared/field-name';
import { invalidParams } from './errors';

/** Parses `input` with `schema`, or throws WordPress's 400 `rest_invalid_param` naming every bad field. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const params: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = fieldName(issue.path) || 'body';
    params[field] ??= `${field}: ${issue.message}`;
  }
  throw invalidParams(params);
}
