import { Argument, type Command } from 'commander';
import { createMappingStore } from '../../db/product-mapping';
import { setMappingRule, type MappingRule } from '../../operations/mapping';
import type { CliContext } from '../context';
import { formatTable, printJson } from '../format';
import { parseComponent, repeatable } from '../parsers';
import { forMerchant } from '../unknown-merchant';
import { importMapping, IMPORTS, type ImportKind } from './mapping-import';

/** `epf aliases|bundles|ship-methods set|import|list`: how a merchant's cart orders become EasyPost orders. */
export function registerMappingCommands(program: Command, ctx: CliContext): void {
  const mapping = async () => createMappingStore(await ctx.pool());

  /** `list <merchant> [--json]`: the rows as a table, or as JSON objects with the table's columns as keys. */
  const addList = (group: Command, headers: string[], rows: (merchant: string) => Promise<string[][]>) =>
    group
      .command('list')
      .description("the merchant's current mapping")
      .argument('<merchant>', 'merchant ID')
      .option('--json', 'print JSON')
      .action(async (merchant: string, options: { json?: boolean }) => {
        const table = await rows(merchant);
        if (!options.json)
          return console.log(
            formatTable(
              headers.map((h) => h.toUpperCase()),
              table,
            ),
          );
        printJson(table.map((row) => Object.fromEntries(headers.map((header, i) => [header, row[i]]))));
      });

  /** `set <merchant> <key> <value>`: one rule, confirmed in one line. */
  const addSet = <V>(
    group: Command,
    description: string,
    [key, value]: [Argument, Argument],
    toRule: (key: string, value: V) => MappingRule,
    confirm: (key: string, value: V) => string,
  ) =>
    group
      .command('set')
      .description(description)
      .argument('<merchant>', 'merchant ID')
      .addArgument(key)
      .addArgument(value)
      .action(async (merchant: string, keyGiven: string, valueGiven: V) => {
        const pool = await ctx.pool();
        await forMerchant(merchant, () => setMappingRule(pool, merchant, toRule(keyGiven, valueGiven)));
        console.log(`${merchant}: ${confirm(keyGiven, valueGiven)}`);
      });

  const addImport = (group: Command, kind: ImportKind) =>
    group
      .command('import')
      .description(`set many from a CSV file with the header ${IMPORTS[kind].header}`)
      .argument('<merchant>', 'merchant ID')
      .requiredOption('--file <path>', 'the CSV file')
      .action(async (merchant: string, options: { file: string }) => {
        const store = await mapping();
        const count = await forMerchant(merchant, () => importMapping(kind, store, merchant, options.file));
        console.log(`${merchant}: ${count} ${kind} imported from ${options.file}`);
      });

  const aliases = program.command('aliases').description('cart SKU → EasyPost barcode');
  addImport(aliases, 'aliases');
  addList(aliases, ['sku', 'barcode'], async (merchant) =>
    Object.entries((await (await mapping()).productMapping(merchant)).aliases).sort(),
  );
  addSet(
    aliases,
    'map a cart SKU to an EasyPost product barcode',
    [new Argument('<sku>', 'the SKU as the cart sends it'), new Argument('<barcode>', 'the EasyPost product barcode')],
    (sku, barcode: string) => ({ kind: 'alias', sku, barcode }),
    (sku, barcode) => `SKU ${sku} → barcode ${barcode}`,
  );

  const bundles = program.command('bundles').description('bundle SKU → several EasyPost products');
  addImport(bundles, 'bundles');
  addList(bundles, ['bundle_sku', 'components'], async (merchant) =>
    Object.entries((await (await mapping()).productMapping(merchant)).bundles)
      .sort()
      .map(([sku, components]) => [sku, components.map(({ barcode, units }) => `${barcode}:${units}`).join(' ')]),
  );
  addSet(
    bundles,
    "replace a bundle's components",
    [
      new Argument('<bundleSku>', 'the bundle SKU as the cart sends it'),
      new Argument('<components...>', 'barcode:units for each product in one bundle').argParser(
        repeatable(parseComponent),
      ),
    ],
    (sku, components: ReturnType<typeof parseComponent>[]) => ({ kind: 'bundle', sku, components }),
    (sku, components) =>
      `bundle ${sku} → ${components.map(({ barcode, units }) => `${units} × ${barcode}`).join(' + ')}`,
  );

  const shipMethods = program.command('ship-methods').description('cart shipping method → EasyPost service');
  addImport(shipMethods, 'ship-methods');
  addList(shipMethods, ['cart_method', 'service'], async (merchant) =>
    Object.entries(await (await mapping()).shipMethodRules(merchant)).sort(),
  );
  addSet(
    shipMethods,
    'map a cart shipping method (matched case-insensitively) to an EasyPost service',
    [
      new Argument('<cartMethod>', "the cart's shipping method code or title"),
      new Argument('<service>', 'the EasyPost service'),
    ],
    (method, service: string) => ({ kind: 'shipMethod', method, service }),
    (method, service) => `ship method "${method}" → ${service}`,
  );
}
