import { CommanderError, type Command } from 'commander';
import type { CliContext } from '../../../src/cli/context';
import { buildProgram } from '../../../src/cli/program';

/** Thrown at the context's first use: by then commander has parsed and validated the whole command line. */
class DryRunStop extends Error {
  override readonly name = 'DryRunStop';
}

const stop = (what: string): never => {
  throw new DryRunStop(`dry run: ${what}`);
};

const dryRunContext: CliContext = {
  pool: async () => stop('pool'),
  temporal: async () => stop('temporal'),
  secretBox: () => stop('secretBox'),
  close: async () => undefined,
};

export const PARSED = 'parsed';

/**
 * Runs `epf <args>` against the real command tree until it reaches for PostgreSQL, Temporal or the secret key.
 * PARSED when it got there (or finished, or printed the help asked for); otherwise the error that stopped it:
 * commander's usage errors (unknown command or option, missing or invalid value) and any other.
 */
export async function dryRun(args: string[]): Promise<string> {
  const program = buildProgram(dryRunContext);
  silence(program);
  try {
    await program.parseAsync(args, { from: 'user' });
    return PARSED;
  } catch (err) {
    if (err instanceof DryRunStop || (err instanceof CommanderError && err.exitCode === 0)) return PARSED;
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
}

/** Whether `args` is only a path of command names (`orders submit`): how prose refers to a command. */
export function namesCommand(args: string[]): boolean {
  let command = buildProgram(dryRunContext);
  for (const name of args) {
    const sub = command.commands.find((candidate) => candidate.name() === name);
    if (!sub) return false;
    command = sub;
  }
  return args.length > 0;
}

// Commander prints usage errors and help itself; the thrown error carries the same message.
function silence(command: Command): void {
  command.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  command.commands.forEach(silence);
}
