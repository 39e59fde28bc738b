import type { Command } from 'commander';
import { reconcileSchedules } from '../../schedules/reconcile';
import { loadScheduleSources } from '../../schedules/sources';
import type { CliContext } from '../context';
import { formatTable, printJson } from '../format';

/** `epf schedules reconcile|list`: the Temporal Schedules that pull carts' orders. */
export function registerScheduleCommands(program: Command, ctx: CliContext): void {
  const schedules = program.command('schedules').description('the Temporal Schedules driving pulls and pickups');

  schedules
    .command('reconcile')
    .description('make the pull and pickup schedules match the carts and merchants (idempotent)')
    .action(async () => {
      const { client, taskQueue } = await ctx.temporal();
      const result = await reconcileSchedules(client, await loadScheduleSources(await ctx.pool()), taskQueue);
      console.log(
        `created ${result.created.length}, updated ${result.updated.length}, deleted ${result.deleted.length}`,
      );
    });

  schedules
    .command('list')
    .description('every schedule with its state')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const { client } = await ctx.temporal();
      const rows = [];
      for await (const schedule of client.schedule.list()) {
        rows.push({
          id: schedule.scheduleId,
          paused: schedule.state.paused,
          next: schedule.info.nextActionTimes[0]?.toISOString(),
          workflow: schedule.action?.type === 'startWorkflow' ? schedule.action.workflowType : undefined,
        });
      }
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
