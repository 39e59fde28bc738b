import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../../config/env';

const common = {
  port: z.coerce.number().int().min(0).max(65535),
  /** Where the simulator keeps its state between runs (the local stack's .data/simulators/); none: nothing kept. */
  '--state-file': z.string().min(1).optional(),
};

/**
 * A simulator process's arguments, `main.ts [port] [--state-file FILE] [--<flag> VALUE ...]`, checked; `flags` adds
 * options named `--<flag>`. Errors name the argument, as configuration errors name the variable.
 */
export function simulatorArgs<F extends z.ZodRawShape = Record<never, never>>(defaultPort: number, flags = {} as F) {
  const schema = z.object({ ...common, port: common.port.default(defaultPort), ...flags });
  const names = Object.keys(schema.shape).filter((name) => name.startsWith('--'));
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(names.map((name) => [name.slice(2), { type: 'string' as const }])),
  });
  const given = Object.fromEntries(Object.entries(values).map(([name, value]) => [`--${name}`, value as string]));
  return loadConfig(schema, { port: positionals[0], ...given });
}
