import { CommanderError } from 'commander';
import { ConfigError } from '../config/config-error';
import { OperationError } from '../operations/errors';

/** A failure the operator can act on (not found, ambiguous, refused): one line on stderr, exit 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** Reports `err` on stderr as one line and returns the exit code: 0 ok, 1 failure, 2 bad usage. */
export function reportError(err: unknown): number {
  // Commander has already printed its usage error (or the help the operator asked for).
  if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
  const known = err instanceof CliError || err instanceof ConfigError || err instanceof OperationError;
  const message = err instanceof Error ? err.message : String(err);
  // An operation names the field as the API does (`name`); here it is the option that sets it (`--name`).
  if (err instanceof OperationError && err.field !== undefined) {
    console.error(`error: --${optionName(err.field)}: ${message}`);
    return 1;
  }
  // Library errors can span lines (gRPC details, SQL); the first line says what went wrong.
  console.error(`error: ${known ? message : message.split('\n')[0]}`);
  return 1;
}

const optionName = (field: string) => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
