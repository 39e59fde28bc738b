import type { Command } from 'commander';
import { OperationError } from '../../operations/errors';
import {
  actOnSchedule,
  listSchedules,
  reconcileNow,
  SCHEDULE_ID_EXAMPLES,
  type ScheduleAction,
} from '../../operations/schedules';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { formatTable, printJson } from '../format';
import { operationDeps } from '../operation-deps';

const DESCRIPTIONS: Record<ScheduleAction, string> = {
  trigger: 'run a schedule now (a pull, a pickup), whatever its interval',
  pause: 'stop a schedule until resumed (e.g. while a cart is down)',
  resume: 'restart a paused schedule',
};

/** `epf schedules reconcile|list|trigger|pause|resume`: the Temporal Schedules that pull carts' orders. */
export function registerScheduleCommands(program: Command, ctx: CliContext): void {
  const schedules = program.command('schedules').description('the Temporal Schedules driving pulls and pickups');

  schedules
    .command('reconcile')
    .description('make the pull and pickup schedules match the carts and merchants (idempotent)')
    .action(async () => {
      const result = await reconcileNow(await operationDeps(ctx));
      console.log(
        `created ${result.created.length}, updated ${result.updated.length}, deleted ${result.deleted.length}`,
      );
    });

  for (const [verb, description] of Object.entries(DESCRIPTIONS) as [ScheduleAction, string][]) {
    schedules
      .command(verb)
      .description(description)
      .argument('<scheduleId>', `${SCHEDULE_ID_EXAMPLES} (epf schedules list)`)
      .option('--note <text>', 'why, shown in the Web UI', `${verb} by epf`)
      .action(async (scheduleId: string, options: { note: string }) => {
        try {
          await actOnSchedule((await ctx.temporal()).client, scheduleId, verb, options.note);
        } catch (err) {
          if (err instanceof OperationError && err.kind === 'not found') {
            throw new CliError(`${err.message}: see epf schedules list`);
          }
          throw err;
        }
        console.log(`${scheduleId}: ${verb === 'trigger' ? 'triggered' : `${verb}d`}`);
      });
  }

  schedules
    .command('list')
    .description('every schedule with its state')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const rows = await listSchedules((await ctx.temporal()).client);
      if (options.json) printJson(rows);
      else
        console.log(
          formatTable(
            ['SCHEDULE', 'PAUSED', 'NEXT RUN', 'WORKFLOW'],
            rows.map((r) => [r.id, String(r.paused), r.next ?? '-', r.workflow ?? '-']),
          ),
        );
    });
}
