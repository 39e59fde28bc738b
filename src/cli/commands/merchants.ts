import { Option, type Command } from 'commander';
import { createMerchantStore, type EasyPostMode, type Merchant } from '../../db/merchants';
import { merchantSettingsSchema, type MerchantSettings } from '../../merchants/settings';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { formatFields, printJson } from '../format';
import { bySchema, integerIn, parseSlug } from '../parsers';
import { readSecret } from '../secrets';

interface AddOptions {
  name: string;
  mode?: EasyPostMode;
  testKeyEnv?: string;
  testKeyFile?: string;
  productionKeyEnv?: string;
  productionKeyFile?: string;
  resendHour?: number;
  resendZone?: string;
}

/** `epf merchants add|show`. */
export function registerMerchantCommands(program: Command, ctx: CliContext): void {
  const merchants = program.command('merchants').description('merchants and their EasyPost keys');

  merchants
    .command('add')
    .description('add or update a merchant; keys are read from an environment variable or a file, never a flag')
    .argument('<id>', 'merchant ID, a lowercase slug', parseSlug)
    .requiredOption('--name <name>', 'display name')
    .addOption(
      new Option('--mode <mode>', 'which EasyPost key orders use (default: test)').choices(['test', 'production']),
    )
    .addOption(keyOption('test', 'env'))
    .addOption(keyOption('test', 'file'))
    .addOption(keyOption('production', 'env'))
    .addOption(keyOption('production', 'file'))
    .option('--resend-hour <hour>', 'local hour of the daily resend of held orders (default: 1)', integerIn(0, 23))
    .option(
      '--resend-zone <zone>',
      'IANA time zone of --resend-hour (default: America/Los_Angeles)',
      bySchema(merchantSettingsSchema.shape.resendZone),
    )
    .action(async (id: string, options: AddOptions) => {
      const testKey = readSecret({ env: options.testKeyEnv, file: options.testKeyFile }, '--test-key');
      const productionKey = readSecret(
        { env: options.productionKeyEnv, file: options.productionKeyFile },
        '--production-key',
      );
      const store = createMerchantStore(await ctx.pool(), ctx.secretBox());
      const existing = await store.get(id);
      // Re-running add changes only what is given: unspecified settings, mode and keys keep their stored values.
      const settings: Partial<MerchantSettings> = { ...existing?.settings };
      if (options.resendHour !== undefined) settings.resendHour = options.resendHour;
      if (options.resendZone !== undefined) settings.resendZone = options.resendZone;
      const merchant = await store.upsert({
        id,
        name: options.name,
        mode: options.mode ?? existing?.mode ?? 'test',
        testKey,
        productionKey,
        settings,
      });
      console.log(formatMerchant(merchant));
    });

  merchants
    .command('show')
    .description('show a merchant: settings and which keys are set (never the keys)')
    .argument('<id>', 'merchant ID')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const merchant = await createMerchantStore(await ctx.pool(), ctx.secretBox()).get(id);
      if (!merchant) throw new CliError(`merchant ${id} does not exist`);
      if (options.json) printJson(merchant);
      else console.log(formatMerchant(merchant));
    });
}

// --test-key-env VAR | --test-key-file PATH, and the same for production: one source per key.
function keyOption(mode: EasyPostMode, source: 'env' | 'file'): Option {
  const other = source === 'env' ? 'File' : 'Env';
  const description =
    source === 'env'
      ? `environment variable holding the EasyPost ${mode} key`
      : `file holding the EasyPost ${mode} key`;
  return new Option(`--${mode}-key-${source} <${source === 'env' ? 'var' : 'path'}>`, description).conflicts(
    `${mode}Key${other}`,
  );
}

function formatMerchant(merchant: Merchant): string {
  const { settings } = merchant;
  return formatFields([
    ['id', merchant.id],
    ['name', merchant.name],
    ['mode', merchant.mode],
    ['test key', merchant.hasTestKey ? 'set' : 'not set'],
    ['production key', merchant.hasProductionKey ? 'set' : 'not set'],
    ['resend held orders', `daily at ${String(settings.resendHour).padStart(2, '0')}:00 ${settings.resendZone}`],
    ['send warehouse ID', settings.sendWarehouseId ? 'yes' : 'no'],
  ]);
}
