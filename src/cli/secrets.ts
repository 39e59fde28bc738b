import { readFileSync } from 'node:fs';
import { CliError } from './errors';

/** Where a secret comes from: the name of an environment variable, or a file path. Never the value itself. */
export interface SecretSource {
  env?: string;
  file?: string;
}

/**
 * Reads a secret from its source, trimmed (files usually end in a newline). `option` names the flag in errors;
 * the value never appears in a message.
 */
export function readSecret(
  source: SecretSource,
  option: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  let value: string;
  if (source.env !== undefined) {
    value = env[source.env] ?? '';
    if (!value.trim()) throw new CliError(`${option}-env: environment variable ${source.env} is not set`);
  } else if (source.file !== undefined) {
    try {
      value = readFileSync(source.file, 'utf8');
    } catch (err) {
      throw new CliError(`${option}-file: cannot read ${source.file} (${(err as NodeJS.ErrnoException).code})`);
    }
    if (!value.trim()) throw new CliError(`${option}-file: ${source.file} is empty`);
  } else {
    return undefined;
  }
  return value.trim();
}
