import { z } from 'zod';

type Given<S> =
  S extends z.ZodDefault<infer Inner extends z.ZodType>
    ? z.ZodOptional<Inner>
    : S extends z.ZodType
      ? z.ZodOptional<S>
      : never;

/**
 * A PATCH body for settings stored with `schema`: every field optional and without its default, so only the fields
 * given change (`schema.partial()` would fill in the defaults and reset the others); unknown fields are refused.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([field, type]) => [
      field,
      (type instanceof z.ZodDefault ? (type.unwrap() as z.ZodType) : (type as z.ZodType)).optional(),
    ]),
  );
  return z.strictObject(shape as { [Field in keyof Shape]: Given<Shape[Field]> });
}
