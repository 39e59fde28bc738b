// What `epf merchants` and `epf carts` answer alike: `list` as a table or JSON, `show <id>` as fields or JSON.
import type { Command, Option } from 'commander';
import { CliError } from './errors';
import { formatTable, printJson } from './format';

/** `<group> list [options] [--json]`: every item `list` gives for the options, one table row each, or JSON. */
export function addListCommand<T, O extends object>(
  group: Command,
  doc: { description: string; options?: Option[] },
  list: (options: O) => Promise<T[]>,
  table: { headers: string[]; row: (item: T) => (string | undefined)[] },
): void {
  const command = group.command('list').description(doc.description);
  for (const option of doc.options ?? []) command.addOption(option);
  command.option('--json', 'print JSON').action(async (options: O & { json?: boolean }) => {
    const all = await list(options);
    if (options.json) return printJson(all);
    console.log(formatTable(table.headers, all.map(table.row)));
  });
}

/** `<group> show <id> [--json]`: the item `get` finds as `format` lays it out, or JSON; none is an error. */
export function addShowCommand<T>(
  group: Command,
  doc: { description: string; noun: string },
  get: (id: string) => Promise<T | undefined>,
  format: (item: T) => string,
): void {
  group
    .command('show')
    .description(doc.description)
    .argument('<id>', `${doc.noun} ID`)
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const item = await get(id);
      if (!item) throw new CliError(`${doc.noun} ${id} does not exist`);
      if (options.json) printJson(item);
      else console.log(format(item));
    });
}
