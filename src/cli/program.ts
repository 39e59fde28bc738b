import { Command } from 'commander';
import type { CliContext } from './context';
import { registerCartCommands } from './commands/carts';
import { registerExceptionCommand } from './commands/exceptions';
import { registerInventoryCommands } from './commands/inventory';
import { registerMappingCommands } from './commands/mapping';
import { registerMerchantCommands } from './commands/merchants';
import { registerOrderCommands } from './commands/orders';
import { registerScheduleCommands } from './commands/schedules';

/** The `epf` command tree, acting through `ctx`. */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('epf')
    .description('Operate epf: merchants, carts, product mapping, orders, schedules and inventory')
    // Throw instead of exiting, so main can close connections and choose the exit code (usage errors are 2).
    .exitOverride();
  // Subcommands copy these settings when they are created, so register them after.
  registerMerchantCommands(program, ctx);
  registerCartCommands(program, ctx);
  registerMappingCommands(program, ctx);
  registerOrderCommands(program, ctx);
  registerScheduleCommands(program, ctx);
  registerInventoryCommands(program, ctx);
  registerExceptionCommand(program, ctx);
  return program;
}
