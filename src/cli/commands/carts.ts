import { Option, type Command } from 'commander';
import { createCartStore, type Cart } from '../../db/carts';
import { CART_TYPES } from '../../carts/registry';
import { cartSettingsSchema } from '../../merchants/settings';
import { reconcileSchedules } from '../../schedules/reconcile';
import { loadScheduleSources } from '../../schedules/sources';
import { readJsonInput } from '../json-input';
import type { CliContext } from '../context';
import { formatFields } from '../format';
import { bySchema, integerIn, parseSlug, repeatable } from '../parsers';
import { forMerchant } from '../unknown-merchant';

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
  credentialsFile?: string;
  pullEvery?: number;
  earliestOrder?: string;
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
    .option('--credentials-file <path>', "the cart's API credentials as JSON (- for stdin); stored encrypted")
    .option('--pull-every <seconds>', 'how often orders are pulled', integerIn(30, 86_400))
    .option(
      '--earliest-order <iso>',
      'skip (and record) orders placed before this date-time, e.g. the go-live date',
      bySchema(
        cartSettingsSchema.shape.earliestOrderAt.unwrap(),
        'must be an ISO date-time, e.g. 2026-12-01T00:00:00Z',
      ),
    )
    .action(async (id: string, options: AddOptions) => {
      const credentials = options.credentialsFile ? await readJsonInput(options.credentialsFile) : undefined;
      const store = createCartStore(await ctx.pool(), credentials === undefined ? undefined : ctx.secretBox());
      const cart = await forMerchant(options.merchant, () =>
        store.upsert({
          id,
          merchantId: options.merchant,
          type: options.type,
          name: options.name,
          credentials,
          settings: {
            warehouseIds: options.warehouse ?? [],
            defaultWarehouseId: options.defaultWarehouse,
            ...(options.pullEvery ? { orderPullSeconds: options.pullEvery } : {}),
            ...(options.earliestOrder ? { earliestOrderAt: options.earliestOrder } : {}),
          },
        }),
      );
      console.log(formatCart(cart));
      // The cart's pull schedule follows its settings at once.
      const { client, taskQueue } = await ctx.temporal();
      const schedules = await reconcileSchedules(client, await loadScheduleSources(await ctx.pool()), taskQueue);
      for (const [change, ids] of Object.entries(schedules))
        if (ids.length) console.log(`schedules ${change}: ${ids.join(', ')}`);
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
    ['earliest order', cart.settings.earliestOrderAt],
    ['pull every', cart.type === 'manual' ? undefined : `${cart.settings.orderPullSeconds} s`],
  ]);
}
