import { Option, type Command } from 'commander';
import { z } from 'zod';
import { createMerchantStore, type EasyPostMode, type Merchant } from '../../db/merchants';
import {
  merchantSettingsSchema,
  WAREHOUSE_ROUTINGS,
  type MerchantSettings,
  type OrderDelivery,
} from '../../domain/merchant-settings';
import { addMerchant, updateMerchant } from '../../operations/merchants';
import type { CliContext } from '../context';
import { formatFields } from '../format';
import { bySchema, integerOption, parseOrderDelivery, parseSlug } from '../parsers';
import { promptSecrets, readSecret } from '../secrets';
import { operationDeps } from '../operation-deps';
import { addListCommand, addShowCommand } from '../resource-commands';
import { givenOnly, printSchedules, printUpdate } from '../setting-changes';

const { shape } = merchantSettingsSchema;

interface AddOptions {
  name?: string;
  mode?: EasyPostMode;
  testKeyEnv?: string;
  testKeyFile?: string;
  productionKeyEnv?: string;
  productionKeyFile?: string;
  testKeyPrompt?: boolean;
  productionKeyPrompt?: boolean;
  resendHour?: number;
  resendMinute?: number;
  resendZone?: string;
}

interface SetOptions {
  mode?: EasyPostMode;
  shipmentPickupEvery?: number;
  inventoryPickupEvery?: number;
  orderDelivery?: OrderDelivery;
  resendHour?: number;
  resendMinute?: number;
  resendZone?: string;
  warehouseRouting?: MerchantSettings['warehouseRouting'];
  easypostRate?: number;
}

/** `epf merchants add|set|show`. */
export function registerMerchantCommands(program: Command, ctx: CliContext): void {
  const merchants = program.command('merchants').description('merchants and their EasyPost keys');

  merchants
    .command('add')
    .description('add or update a merchant; keys are read from an environment variable or a file, never a flag')
    .argument('<id>', 'merchant ID, a lowercase slug', parseSlug)
    .option('--name <name>', 'display name (required for a new merchant)')
    .addOption(modeOption('(default: test)'))
    .addOption(keyOption('test', 'env'))
    .addOption(keyOption('test', 'file'))
    .addOption(keyOption('test', 'prompt'))
    .addOption(keyOption('production', 'env'))
    .addOption(keyOption('production', 'file'))
    .addOption(keyOption('production', 'prompt'))
    .addOption(resendHourOption())
    .addOption(resendMinuteOption())
    .addOption(resendZoneOption())
    .action(async (id: string, options: AddOptions) => {
      const prompted = await promptSecrets([
        ...(options.testKeyPrompt ? [{ label: 'EasyPost test key', option: '--test-key-prompt' }] : []),
        ...(options.productionKeyPrompt
          ? [{ label: 'EasyPost production key', option: '--production-key-prompt' }]
          : []),
      ]);
      const testKey = options.testKeyPrompt
        ? prompted[0]
        : readSecret({ env: options.testKeyEnv, file: options.testKeyFile }, '--test-key');
      const productionKey = options.productionKeyPrompt
        ? prompted.at(-1)
        : readSecret({ env: options.productionKeyEnv, file: options.productionKeyFile }, '--production-key');
      const { merchant, schedules } = await addMerchant(await operationDeps(ctx), {
        id,
        name: options.name,
        mode: options.mode,
        testKey,
        productionKey,
        settings: givenOnly({
          resendHour: options.resendHour,
          resendMinute: options.resendMinute,
          resendZone: options.resendZone,
        }),
      });
      console.log(formatMerchant(merchant));
      printSchedules(schedules);
    });

  merchants
    .command('set')
    .description("change a merchant's mode or settings; only the options given change, and schedules follow at once")
    .argument('<id>', 'merchant ID')
    .addOption(modeOption('(refused when the key of that mode is not set)'))
    .addOption(
      integerOption(
        '--shipment-pickup-every <seconds>',
        'how often shipments and tracking are fetched from EasyPost',
        shape.shipmentPickupSeconds,
      ),
    )
    .addOption(
      integerOption(
        '--inventory-pickup-every <seconds>',
        'how often stock is read from EasyPost',
        shape.inventoryPickupSeconds,
      ),
    )
    .addOption(
      new Option(
        '--order-delivery <spec>',
        'when orders go to EasyPost: immediately, grace:<minutes> or slots:HH:MM,HH:MM[@Zone]',
      ).argParser(parseOrderDelivery),
    )
    .addOption(resendHourOption())
    .addOption(resendMinuteOption())
    .addOption(resendZoneOption())
    .addOption(
      new Option(
        '--easypost-rate <requests-per-second>',
        "requests per second the merchant's EasyPost key may make, across all workers (default: 5)",
      ).argParser(
        bySchema(
          z.coerce.number().pipe(shape.easyPostRequestsPerSecond.unwrap()),
          `must be a number from ${shape.easyPostRequestsPerSecond.unwrap().minValue} to ${shape.easyPostRequestsPerSecond.unwrap().maxValue}`,
        ),
      ),
    )
    .addOption(
      new Option(
        '--warehouse-routing <rules|easypost>',
        "who picks each order's warehouse: rules (the routing rules' choice is sent as warehouse_id) or easypost (default: rules)",
      ).choices(WAREHOUSE_ROUTINGS),
    )
    .action(async (id: string, options: SetOptions) => {
      const { mode, ...given } = options;
      const updated = await updateMerchant(await operationDeps(ctx), id, {
        mode,
        settings: givenOnly({
          shipmentPickupSeconds: given.shipmentPickupEvery,
          inventoryPickupSeconds: given.inventoryPickupEvery,
          orderDelivery: given.orderDelivery,
          resendHour: given.resendHour,
          resendMinute: given.resendMinute,
          resendZone: given.resendZone,
          warehouseRouting: given.warehouseRouting,
          easyPostRequestsPerSecond: given.easypostRate,
        }),
      });
      printUpdate(updated, `merchant ${id} does not exist: add it with epf merchants add ${id}`);
      if (updated.triggered) console.log(`${updated.triggered}: triggered`);
    });

  addListCommand(
    merchants,
    { description: 'every merchant: mode, keys set, pickup intervals' },
    async () => createMerchantStore(await ctx.pool()).list(),
    {
      headers: ['ID', 'NAME', 'MODE', 'KEYS', 'SHIPMENTS EVERY', 'STOCK EVERY'],
      row: (m) => [
        m.id,
        m.name,
        m.mode,
        [m.hasTestKey && 'test', m.hasProductionKey && 'production'].filter(Boolean).join(', '),
        `${m.settings.shipmentPickupSeconds} s`,
        `${m.settings.inventoryPickupSeconds} s`,
      ],
    },
  );

  addShowCommand(
    merchants,
    { description: 'show a merchant: settings and which keys are set (never the keys)', noun: 'merchant' },
    async (id) => createMerchantStore(await ctx.pool(), ctx.secretBox()).get(id),
    formatMerchant,
  );
}

function modeOption(note: string): Option {
  return new Option('--mode <mode>', `which EasyPost key orders use ${note}`).choices(['test', 'production']);
}

function resendHourOption(): Option {
  return integerOption(
    '--resend-hour <hour>',
    'local hour of the daily resend of held orders (default: 1)',
    shape.resendHour,
  );
}

function resendMinuteOption(): Option {
  return integerOption(
    '--resend-minute <minute>',
    'minute past --resend-hour of the daily resend (default: 0)',
    shape.resendMinute,
  );
}

function resendZoneOption(): Option {
  return new Option('--resend-zone <zone>', 'IANA time zone of --resend-hour (default: America/Los_Angeles)').argParser(
    bySchema(shape.resendZone),
  );
}

// --test-key-env VAR | --test-key-file PATH | --test-key-prompt, and the same for production: one source per key.
const KEY_SOURCES = {
  env: { flag: 'env <var>', describe: (mode: EasyPostMode) => `environment variable holding the EasyPost ${mode} key` },
  file: { flag: 'file <path>', describe: (mode: EasyPostMode) => `file holding the EasyPost ${mode} key` },
  prompt: { flag: 'prompt', describe: (mode: EasyPostMode) => `ask for the EasyPost ${mode} key (not echoed)` },
} as const;

function keyOption(mode: EasyPostMode, source: keyof typeof KEY_SOURCES): Option {
  const others = (Object.keys(KEY_SOURCES) as (keyof typeof KEY_SOURCES)[])
    .filter((other) => other !== source)
    .map((other) => `${mode}Key${other[0]!.toUpperCase()}${other.slice(1)}`);
  return new Option(`--${mode}-key-${KEY_SOURCES[source].flag}`, KEY_SOURCES[source].describe(mode)).conflicts(others);
}

function formatOrderDelivery(delivery: OrderDelivery): string {
  if (delivery.mode === 'immediately') return 'immediately';
  if (delivery.mode === 'grace') return `after a ${delivery.minutes} min grace delay`;
  return `at ${delivery.times.join(', ')} ${delivery.zone}`;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

function formatMerchant(merchant: Merchant): string {
  const { settings } = merchant;
  return formatFields([
    ['id', merchant.id],
    ['name', merchant.name],
    ['mode', merchant.mode],
    ['test key', merchant.hasTestKey ? 'set' : 'not set'],
    ['production key', merchant.hasProductionKey ? 'set' : 'not set'],
    ['order delivery', formatOrderDelivery(settings.orderDelivery)],
    [
      'resend held orders',
      `daily at ${twoDigits(settings.resendHour)}:${twoDigits(settings.resendMinute)} ${settings.resendZone}`,
    ],
    ['EasyPost rate', `${settings.easyPostRequestsPerSecond} requests/s`],
    ['warehouse routing', settings.warehouseRouting],
    ['shipment pickup every', `${settings.shipmentPickupSeconds} s`],
    ['inventory pickup every', `${settings.inventoryPickupSeconds} s`],
  ]);
}
