import { Option, type Command } from 'commander';
import { createCartStore, type Cart } from '../../db/carts';
import { cartSettingsSchema } from '../../merchants/settings';
import type { CliContext } from '../context';
import { formatFields } from '../format';
import { bySchema, parseSlug, repeatable } from '../parsers';
import { forMerchant } from '../unknown-merchant';

// The cart types with an adapter in src/carts/registry.ts.
const CART_TYPES = ['manual'];

const parseWarehouseId = bySchema(
  cartSettingsSchema.shape.warehouseIds.unwrap().element,
  'must be an EasyPost warehouse ID, wh_...',
);

interface AddOptions {
  merchant: string;
  type: string;
  name: string;
  warehouse?: string[];
  defaultWarehouse?: string;
}

/** `epf carts add`. */
export function registerCartCommands(program: Command, ctx: CliContext): void {
  const carts = program.command('carts').description("merchants' order sources");

  carts
    .command('add')
    .description('add or update a cart')
    .argument('<id>', 'cart ID, a lowercase slug', parseSlug)
    .requiredOption('--merchant <id>', 'the merchant the cart belongs to')
    .addOption(new Option('--type <type>', 'cart type').choices(CART_TYPES).makeOptionMandatory())
    .requiredOption('--name <name>', 'display name')
    .option(
      '--warehouse <id>',
      'EasyPost warehouse whose stock the cart sells (repeatable, in preference order)',
      repeatable(parseWarehouseId),
    )
    .option('--default-warehouse <id>', 'warehouse used when none is chosen', parseWarehouseId)
    .action(async (id: string, options: AddOptions) => {
      const store = createCartStore(await ctx.pool());
      const cart = await forMerchant(options.merchant, () =>
        store.upsert({
          id,
          merchantId: options.merchant,
          type: options.type,
          name: options.name,
          settings: { warehouseIds: options.warehouse ?? [], defaultWarehouseId: options.defaultWarehouse },
        }),
      );
      console.log(formatCart(cart));
    });
}

function formatCart(cart: Cart): string {
  return formatFields([
    ['id', cart.id],
    ['merchant', cart.merchantId],
    ['type', cart.type],
    ['name', cart.name],
    ['warehouses', cart.settings.warehouseIds.join(', ') || undefined],
    ['default warehouse', cart.settings.defaultWarehouseId],
    ['default service', cart.settings.defaultService],
  ]);
}
