import { ScheduleNotFoundError, type ScheduleHandle } from '@temporalio/client';
import type { Command } from 'commander';
import { reconcileSchedules } from '../../schedules/reconcile';
import { loadScheduleSources } from '../../schedules/sources';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { formatTable, printJson } from '../format';

/** `epf schedules reconcile|list|trigger|pause|resume`: the Temporal Schedules that pull carts' orders. */
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

  const act = (verb: string, description: string, run: (handle: ScheduleHandle, note: string) => Promise<void>) =>
    schedules
      .command(verb)
      .description(description)
      .argument('<scheduleId>', 'e.g. pull:acme-shop or shipments:acme (epf schedules list)')
      .option('--note <text>', 'why, shown in the Web UI', `${verb} by epf`)
      .action(async (scheduleId: string, options: { note: string }) => {
        const { client } = await ctx.temporal();
        const handle = client.schedule.getHandle(scheduleId);
        try {
          await run(handle, options.note);
        } catch (err) {
          if (err instanceof ScheduleNotFoundError) {
            throw new CliError(`schedule ${scheduleId} does not exist: see epf schedules list`);
          }
          throw err;
        }
        console.log(`${scheduleId}: ${verb === 'trigger' ? 'triggered' : `${verb}d`}`);
      });

  act('trigger', 'run a schedule now (a pull, a pickup), whatever its interval', (handle) => handle.trigger());
  act('pause', 'stop a schedule until resumed (e.g. while a cart is down)', (handle, note) => handle.pause(note));
  act('resume', 'restart a paused schedule', (handle, note) => handle.unpause(note));

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
