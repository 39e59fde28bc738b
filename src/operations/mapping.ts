import type { Pool } from 'pg';
import { createMappingStore } from '../db/product-mapping';
import { scopedToMerchant } from './errors';

/** One rule of how a merchant's cart orders become EasyPost orders, keyed by its SKU or shipping method. */
export type MappingRule =
  | { kind: 'alias'; sku: string; barcode: string }
  | { kind: 'bundle'; sku: string; components: { barcode: string; units: number }[] }
  | { kind: 'shipMethod'; method: string; service: string };

/** Sets a rule of a merchant's mapping, replacing the one of the same key; an unknown merchant is not found. */
export async function setMappingRule(pool: Pool, merchantId: string, rule: MappingRule): Promise<void> {
  const store = createMappingStore(pool);
  await scopedToMerchant(merchantId, () => {
    switch (rule.kind) {
      case 'alias':
        return store.setAlias(merchantId, rule.sku, rule.barcode);
      case 'bundle':
        return store.setBundle(merchantId, rule.sku, rule.components);
      case 'shipMethod':
        return store.setShipMethod(merchantId, rule.method, rule.service);
    }
  });
}
