import type { Command } from 'commander';
import { createMappingStore } from '../../db/product-mapping';
import type { CliContext } from '../context';
import { parseComponent, repeatable } from '../parsers';
import { forMerchant } from '../unknown-merchant';

/** `epf aliases|bundles|ship-methods set`: how a merchant's cart orders become EasyPost orders. */
export function registerMappingCommands(program: Command, ctx: CliContext): void {
  const mapping = async () => createMappingStore(await ctx.pool());

  program
    .command('aliases')
    .description('cart SKU → EasyPost barcode')
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

  program
    .command('bundles')
    .description('bundle SKU → several EasyPost products')
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

  program
    .command('ship-methods')
    .description('cart shipping method → EasyPost service')
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
