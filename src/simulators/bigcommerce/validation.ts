import type { z } from 'zod';
import { fieldName } from '../shared/field-name';
import { BcError, type ApiVersion } from './errors';

/** Parses `input` with `schema`, or throws BigCommerce's 400 (V2) / 422 (V3) naming every bad field. */
export function parseParams<S extends z.ZodType>(schema: S, input: unknown, version: ApiVersion = 'v3'): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const details: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = fieldName(issue.path) || 'body';
    details[field] ??= issue.message;
  }
  const message = `The field(s) ${Object.keys(details).join(', ')} are invalid: ${Object.values(details).join('; ')}`;
  throw new BcError(version === 'v2' ? 400 : 422, message, version, details);
}
