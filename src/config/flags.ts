import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * Parses a harness's `--name value` flags (and bare `--name` for `booleans`) with `schema`, whose keys are the flag
 * names; an unknown flag or a bad value is one ConfigError naming every flag at fault.
 */
export function parseFlags<S extends z.ZodObject>(
  schema: S,
  booleans: readonly string[] = [],
  args: string[] = process.argv.slice(2),
): z.output<S> {
  const options = Object.fromEntries(
    Object.keys(schema.shape).map((name) => [
      name,
      { type: booleans.includes(name) ? ('boolean' as const) : ('string' as const) },
    ]),
  );
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args, options }));
  } catch (err) {
    const known = Object.keys(options).map((name) => `--${name}`);
    throw new ConfigError(`${(err as Error).message}; flags: ${known.join(' ')}`);
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `--${String(issue.path[0])} ${issue.message}`);
  throw new ConfigError(`Invalid flags: ${problems.join('; ')}`);
}
