import { randomBytes } from 'node:crypto';

/** An EasyPost-style id: `<prefix>_<32 lowercase hex>` (docs/easypost-api.md §1). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('hex')}`;
}

/** An API key in EasyPost's shape: `EZTK`/`EZAK` followed by 32 hex characters. */
export function newApiKey(prefix: 'EZTK' | 'EZAK'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** Vendor objects carry integer Unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
