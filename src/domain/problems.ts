import type { z } from 'zod';

/** One thing wrong with an order, located by a field path such as `shipTo.zip` or `lines[2].sku`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** All problems on one line, for a status query, a log entry or the CLI: `shipTo.zip: required; lines[2].sku: ...`. */
export function describeProblems(problems: FieldProblem[]): string {
  return problems
    .map(({ field, message }) => (field ? `${field}: ${message}` : message))
    .join('; ')
    .replace(/\s+/g, ' ');
}

/** A zod issue path in the notation operators read: `lines[2].sku`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

/** Zod issues as field problems, in zod's order. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
}

/**
 * Error map for parsing cart data: says "required" and "must not be empty" instead of zod's type-system wording,
 * because these messages reach merchants. Everything else keeps zod's message (or the schema's own).
 */
export const plainErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'too_small' && issue.minimum === 1) {
    if (issue.origin === 'string') return 'must not be empty';
    if (issue.origin === 'array') return 'must have at least one entry';
  }
  return undefined;
};
