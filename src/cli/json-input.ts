import { readFileSync } from 'node:fs';
import { CliError } from './errors';

/** Reads and parses the JSON in `path` (`-` for stdin); `option` names the flag in errors. */
export function readJsonInput(path: string, option = '--file'): unknown {
  let text: string;
  try {
    // File descriptor 0 is stdin: `epf orders submit --file - < order.json`.
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    throw new CliError(`${option}: cannot read ${path} (${(err as NodeJS.ErrnoException).code})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`${option}: ${path} is not valid JSON: ${(err as Error).message}`);
  }
}
