import type { Command } from 'commander';
import { DEFAULT_THRESHOLDS, thresholdSchemas, type Exception } from '../../domain/exceptions';
import { findExceptions } from '../../exceptions/find-exceptions';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { formatTable, formatTime, printJson } from '../format';
import { integerBy } from '../parsers';

interface ExceptionOptions {
  merchant?: string;
  holdDays?: number;
  stuckHours?: number;
  wmsDays?: number;
  json?: boolean;
}

// The table stays readable; --json has the whole reason.
const REASON_WIDTH = 60;

/** `epf exceptions`: what needs a person, each with its reason and the command that fixes it. */
export function registerExceptionCommand(program: Command, ctx: CliContext): void {
  program
    .command('exceptions')
    .description('every order and merchant that needs a person, with the reason and the command that fixes it')
    .option('--merchant <id>', 'only this merchant')
    .option(
      '--hold-days <n>',
      `on hold for more than n days (default ${DEFAULT_THRESHOLDS.holdDays})`,
      integerBy(thresholdSchemas.holdDays),
    )
    .option(
      '--stuck-hours <n>',
      `received past its delivery time, or sending, for more than n hours (default ${DEFAULT_THRESHOLDS.stuckHours})`,
      integerBy(thresholdSchemas.stuckHours),
    )
    .option(
      '--wms-days <n>',
      `at the warehouse without shipping for more than n days (default ${DEFAULT_THRESHOLDS.wmsDays})`,
      integerBy(thresholdSchemas.wmsDays),
    )
    .option('--json', 'print JSON')
    // Exceptions are the answer, not a failure: the exit code stays 0 either way.
    .action(async (options: ExceptionOptions) => {
      const { merchant, json, ...thresholds } = options;
      const found = await findExceptions(await ctx.pool(), { merchantId: merchant, thresholds });
      if (!found) throw new CliError(`merchant ${merchant} does not exist`);
      if (json) printJson(found);
      else console.log(found.length ? formatTable(HEADERS, found.map(tableRow)) : 'Nothing needs a person.');
    });
}

const HEADERS = ['MERCHANT', 'ORDER', 'KIND', 'SINCE', 'REASON', 'FIX'];

function tableRow(exception: Exception): (string | undefined)[] {
  const { order, reason } = exception;
  return [
    exception.merchantId,
    order ? `${order.cartId} ${order.cartOrderNumber}` : exception.cartId,
    exception.kind,
    formatTime(exception.since),
    reason.length > REASON_WIDTH ? `${reason.slice(0, REASON_WIDTH - 1)}…` : reason,
    exception.fix,
  ];
}
