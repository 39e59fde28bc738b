import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
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

/**
 * Asks for each secret in turn on `output` (stderr, so stdout stays clean for scripts) and reads one line per
 * secret from `input`; on a terminal nothing typed is echoed. Also reads piped input, one secret per line.
 */
export async function promptSecrets(
  prompts: { label: string; option: string }[],
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string[]> {
  // Readline echoes what is typed to its output: a muted one keeps the secret off the screen.
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const terminal = (input as { isTTY?: boolean }).isTTY === true;
  const lines = createInterface({ input, output: muted, terminal });
  const reader = lines[Symbol.asyncIterator]();
  const values: string[] = [];
  try {
    for (const { label, option } of prompts) {
      output.write(`${label}: `);
      const line = await reader.next();
      output.write('\n');
      const value = line.done ? '' : String(line.value).trim();
      if (!value) throw new CliError(`${option}: no ${label} entered`);
      values.push(value);
    }
  } finally {
    lines.close();
  }
  return values;
}
