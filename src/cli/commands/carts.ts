import { Option, type Command } from 'commander';
import { z } from 'zod';
import { createCartStore, type Cart } from '../../db/carts';
import { CART_TYPES } from '../../carts/registry';
import { DEFAULT_SHOPIFY_API_VERSION } from '../../domain/shopify-api-version';
import { describeItemFilter, itemFilterSchema, NO_ITEM_FILTER } from '../../domain/item-filter';
import { cartSettingsSchema, type CartSettings } from '../../domain/merchant-settings';
import { addCart, updateCart } from '../../operations/carts';
import { readJsonInput } from '../json-input';
import type { CliContext } from '../context';
import { formatFields } from '../format';
import { bySchema, integerOption, parseSlug, repeatable } from '../parsers';
import { operationDeps } from '../operation-deps';
import { addListCommand, addShowCommand } from '../resource-commands';
import { givenOnly, printSchedules, printUpdate } from '../setting-changes';
import { forMerchant } from '../unknown-merchant';

const { shape } = cartSettingsSchema;

const parseWarehouseId = bySchema(shape.warehouseIds.unwrap().element, 'must be an EasyPost warehouse ID, wh_...');

// One option value: `allow:SOCK-*,TOTE`, `deny:GIFT-*` or `none` (every line goes to this warehouse).
const parseItemFilter = bySchema(
  z
    .string()
    .transform((value) => {
      if (value.trim() === 'none') return NO_ITEM_FILTER;
      const [mode, ...rest] = value.split(':');
      const patterns = rest.join(':').split(',');
      return { mode: mode?.trim(), patterns: patterns.map((pattern) => pattern.trim()).filter(Boolean) };
    })
    .pipe(itemFilterSchema),
  'must be allow:<sku or glob>,..., deny:<sku or glob>,... or none',
);

/** The settings options `add` and `set` share, as given (undefined when not). */
interface SettingOptions {
  warehouse?: string[];
  defaultWarehouse?: string;
  pullEvery?: number;
  earliestOrder?: string;
  apiVersion?: string;
  itemFilter?: CartSettings['itemFilter'];
}

interface AddOptions extends SettingOptions {
  merchant: string;
  type: string;
  name: string;
  credentialsFile?: string;
}

interface SetOptions extends SettingOptions {
  name?: string;
  trackingUploadEvery?: number;
  inventoryPushEvery?: number;
  minimumInventory?: number;
  defaultService?: string;
}

/** `epf carts add|set`. */
export function registerCartCommands(program: Command, ctx: CliContext): void {
  const carts = program.command('carts').description("merchants' order sources");

  const add = carts
    .command('add')
    .description('add or update a cart; settings not given keep their stored values')
    .argument('<id>', 'cart ID, a lowercase slug', parseSlug)
    .requiredOption('--merchant <id>', 'the merchant the cart belongs to')
    .addOption(new Option('--type <type>', 'cart type').choices(CART_TYPES).makeOptionMandatory())
    .requiredOption('--name <name>', 'display name')
    .option('--credentials-file <path>', "the cart's API credentials as JSON (- for stdin); stored encrypted");
  for (const option of settingOptions()) add.addOption(option);
  add.action(async (id: string, options: AddOptions) => {
    const credentials = options.credentialsFile ? await readJsonInput(options.credentialsFile) : undefined;
    // Re-running add changes only what is given, like `merchants add`.
    const { cart, schedules } = await forMerchant(options.merchant, async () =>
      addCart(await operationDeps(ctx), {
        id,
        merchantId: options.merchant,
        type: options.type,
        name: options.name,
        credentials,
        settings: settingsGiven(options),
      }),
    );
    console.log(formatCart(cart));
    printSchedules(schedules);
  });

  addListCommand(
    carts,
    {
      description: "every cart, or one merchant's: type and schedules",
      options: [new Option('--merchant <id>', "only this merchant's carts")],
    },
    async (options: { merchant?: string }) =>
      (await createCartStore(await ctx.pool()).list()).filter(
        (cart) => !options.merchant || cart.merchantId === options.merchant,
      ),
    {
      headers: ['ID', 'MERCHANT', 'TYPE', 'NAME', 'WAREHOUSES', 'PULL EVERY', 'STOCK EVERY'],
      row: (cart) => [
        cart.id,
        cart.merchantId,
        cart.type,
        cart.name,
        cart.settings.warehouseIds.join(', '),
        cart.type === 'manual' ? undefined : `${cart.settings.orderPullSeconds} s`,
        cart.type === 'manual' ? undefined : `${cart.settings.inventoryPushSeconds} s`,
      ],
    },
  );

  addShowCommand(
    carts,
    { description: 'show a cart and its settings (never its credentials)', noun: 'cart' },
    async (id) => createCartStore(await ctx.pool()).get(id),
    formatCart,
  );

  const set = carts
    .command('set')
    .description("change a cart's name or settings; only the options given change, and schedules follow at once")
    .argument('<id>', 'cart ID')
    .option('--name <name>', 'display name')
    .addOption(
      integerOption(
        '--tracking-upload-every <seconds>',
        'batch tracking uploads to the cart (0: each at once)',
        shape.trackingUploadSeconds,
      ),
    )
    .addOption(
      integerOption(
        '--inventory-push-every <seconds>',
        'how often newer stock is pushed to the cart',
        shape.inventoryPushSeconds,
      ),
    )
    .addOption(
      integerOption('--minimum-inventory <units>', 'at or below this stock the cart is told 0', shape.minimumInventory),
    )
    .addOption(
      new Option(
        '--default-service <service>',
        'EasyPost service when no ship-method rule matches (none: such orders wait in error)',
      ).argParser(bySchema(shape.defaultService.unwrap(), 'must not be empty')),
    );
  for (const option of settingOptions()) set.addOption(option);
  set.action(async (id: string, options: SetOptions) => {
    const updated = await updateCart(await operationDeps(ctx), id, {
      name: options.name,
      settings: {
        ...settingsGiven(options),
        ...givenOnly({
          trackingUploadSeconds: options.trackingUploadEvery,
          inventoryPushSeconds: options.inventoryPushEvery,
          minimumInventory: options.minimumInventory,
          defaultService: options.defaultService === 'none' ? undefined : options.defaultService,
        }),
        // Given as `none`, the stored default is removed (carts added before defaults were dropped hold `standard`).
        ...(options.defaultService === 'none' ? { defaultService: undefined } : {}),
      },
    });
    printUpdate(updated, `cart ${id} does not exist: add it with epf carts add ${id}`);
  });
}

// Fresh options per command: commander keeps per-command state on them.
function settingOptions(): Option[] {
  return [
    new Option(
      '--warehouse <id>',
      'EasyPost warehouse whose stock the cart sells (repeatable, in preference order; replaces the list)',
    ).argParser(repeatable(parseWarehouseId)),
    new Option('--default-warehouse <id>', 'warehouse used when none is chosen').argParser(parseWarehouseId),
    integerOption('--pull-every <seconds>', 'how often orders are pulled', shape.orderPullSeconds),
    new Option(
      '--earliest-order <iso>',
      'skip (and record) orders placed before this date-time, e.g. the go-live date',
    ).argParser(bySchema(shape.earliestOrderAt.unwrap(), 'must be an ISO date-time, e.g. 2026-12-01T00:00:00Z')),
    new Option(
      '--api-version <YYYY-MM>',
      `Shopify only: Admin API version (default ${DEFAULT_SHOPIFY_API_VERSION})`,
    ).argParser(bySchema(shape.apiVersion.unwrap())),
    new Option(
      '--item-filter <filter>',
      'which lines of pulled orders go to this warehouse: allow:<sku or glob>,..., deny:<sku or glob>,... or none (the rest are shown on the order; an order with none left is skipped)',
    ).argParser(parseItemFilter),
  ];
}

function settingsGiven(options: SettingOptions): Partial<CartSettings> {
  return givenOnly({
    warehouseIds: options.warehouse,
    defaultWarehouseId: options.defaultWarehouse,
    orderPullSeconds: options.pullEvery,
    earliestOrderAt: options.earliestOrder,
    apiVersion: options.apiVersion,
    itemFilter: options.itemFilter,
  });
}

function formatCart(cart: Cart): string {
  const { settings } = cart;
  return formatFields([
    ['id', cart.id],
    ['merchant', cart.merchantId],
    ['type', cart.type],
    ['name', cart.name],
    ['warehouses', settings.warehouseIds.join(', ') || undefined],
    ['default warehouse', settings.defaultWarehouseId],
    ['default service', settings.defaultService ?? 'none: unmapped ship methods wait in error'],
    ['earliest order', settings.earliestOrderAt],
    ['api version', cart.type === 'shopify' ? (settings.apiVersion ?? DEFAULT_SHOPIFY_API_VERSION) : undefined],
    [
      'item filter',
      settings.itemFilter.patterns.length === 0 ? 'none: every line' : describeItemFilter(settings.itemFilter),
    ],
    ['pull every', cart.type === 'manual' ? undefined : `${settings.orderPullSeconds} s`],
    ['tracking upload', settings.trackingUploadSeconds === 0 ? 'at once' : `every ${settings.trackingUploadSeconds} s`],
    ['inventory push every', `${settings.inventoryPushSeconds} s`],
    ['minimum inventory', `${settings.minimumInventory} units`],
  ]);
}
