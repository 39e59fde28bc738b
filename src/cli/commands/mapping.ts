import type { Command } from 'commander';
import { createMappingStore } from '../../db/product-mapping';
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
  aliases
    .command('set')
    .description('map a cart SKU to an EasyPost product barcode')
    .argument('<merchant>', 'merchant ID')
    .argument('<sku>', 'the SKU as the cart sends it')
    .argument('<barcode>', 'the EasyPost product barcode')
    .action(async (merchant: string, sku: string, barcode: string) => {
      const store = await mapping();
      await forMerchant(merchant, () => store.setAlias(merchant, sku, barcode));
      console.log(`${merchant}: SKU ${sku} → barcode ${barcode}`);
    });

  const bundles = program.command('bundles').description('bundle SKU → several EasyPost products');
  addImport(bundles, 'bundles');
  addList(bundles, ['bundle_sku', 'components'], async (merchant) =>
    Object.entries((await (await mapping()).productMapping(merchant)).bundles)
      .sort()
      .map(([sku, components]) => [sku, components.map(({ barcode, units }) => `${barcode}:${units}`).join(' ')]),
  );
  bundles
    .command('set')
    .description("replace a bundle's components")
    .argument('<merchant>', 'merchant ID')
    .argument('<bundleSku>', 'the bundle SKU as the cart sends it')
    .argument('<components...>', 'barcode:units for each product in one bundle', repeatable(parseComponent))
    .action(async (merchant: string, bundleSku: string, components: ReturnType<typeof parseComponent>[]) => {
      const store = await mapping();
      await forMerchant(merchant, () => store.setBundle(merchant, bundleSku, components));
      const parts = components.map(({ barcode, units }) => `${units} × ${barcode}`).join(' + ');
      console.log(`${merchant}: bundle ${bundleSku} → ${parts}`);
    });

  const shipMethods = program.command('ship-methods').description('cart shipping method → EasyPost service');
  addImport(shipMethods, 'ship-methods');
  addList(shipMethods, ['cart_method', 'service'], async (merchant) =>
    Object.entries(await (await mapping()).shipMethodRules(merchant)).sort(),
  );
  shipMethods
    .command('set')
    .description('map a cart shipping method (matched case-insensitively) to an EasyPost service')
    .argument('<merchant>', 'merchant ID')
    .argument('<cartMethod>', "the cart's shipping method code or title")
    .argument('<service>', 'the EasyPost service')
    .action(async (merchant: string, cartMethod: string, service: string) => {
      const store = await mapping();
      await forMerchant(merchant, () => store.setShipMethod(merchant, cartMethod, service));
      console.log(`${merchant}: ship method "${cartMethod}" → ${service}`);
    });
}
