import { notFound, SimApiError } from './errors';
import { nowSeconds } from './ids';
import { createProductSchema, patchProductSchema } from './schemas';
import type { Ledger, Product } from './state';
import { parseInput } from './validation';

// Product operations behind the products endpoints (docs §5); the control's seed uses them too.

function assertBarcodeFree(ledger: Ledger, barcode: string, except?: string): void {
  const existing = ledger.productByBarcode(barcode);
  if (existing && existing.id !== except) {
    throw new SimApiError(
      422,
      'PRODUCT.BARCODE.DUPLICATE',
      `barcode: ${barcode} is already used by ${existing.id}`,
      'barcode',
    );
  }
}

export function findProduct(ledger: Ledger, id: string): Product {
  const product = ledger.products.get(id);
  if (!product) throw notFound('Product', id);
  return product;
}

export function createProduct(ledger: Ledger, body: unknown): Product {
  const input = parseInput(createProductSchema, body);
  assertBarcodeFree(ledger, input.barcode);
  return ledger.addProduct(input);
}

export function patchProduct(ledger: Ledger, id: string, body: unknown): Product {
  const product = findProduct(ledger, id);
  const input = parseInput(patchProductSchema, body);
  if (input.barcode !== undefined) assertBarcodeFree(ledger, input.barcode, id);
  const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return Object.assign(product, changes, { updated_at: nowSeconds() });
}

/** Removes the product and its stock rows; orders keep their copy of it. */
export function deleteProduct(ledger: Ledger, id: string): Product {
  const product = findProduct(ledger, id);
  ledger.forgetProduct(id);
  return product;
}
