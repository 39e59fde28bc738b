import { z } from 'zod';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** BigCommerce's status "Awaiting Fulfillment": paid, waiting to ship (docs/bigcommerce-api.md §4). */
export const AWAITING_FULFILLMENT = 11;

/**
 * A store's API account (BigCommerce → Settings → API → Store-level API accounts; scopes Orders modify, Products read,
 * Information & settings read, Inventory modify) plus where epf reads and writes: the inventory location and the
 * order statuses that mean "ship it".
 */
export const bigCommerceCredentialsSchema = z.object({
  /** The store hash in `https://api.bigcommerce.com/stores/{storeHash}/`. */
  storeHash: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+$/, 'must be the store hash, lowercase letters and digits'),
  /** The API account's access token, sent as X-Auth-Token. */
  accessToken: z.string().trim().min(1),
  /** HTTPS only (a token sent in clear is a leaked token); loopback HTTP is allowed for the simulator. */
  apiUrl: z
    .url()
    .refine((value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    }, 'must be an https:// URL')
    .transform((value) => value.replace(/\/+$/, ''))
    .default('https://api.bigcommerce.com'),
  /** The Inventory API location whose stock epf sets; 1 is every store's default location. */
  locationId: z.number().int().positive().default(1),
  /** Order statuses epf fulfils; Cancelled (5) is always read as a cancellation. */
  orderStatusIds: z
    .array(z.number().int().min(0).max(14))
    .min(1)
    .refine((ids) => !ids.includes(5), 'cannot include 5 (Cancelled)')
    .default([AWAITING_FULFILLMENT]),
});

export type BigCommerceCredentials = z.output<typeof bigCommerceCredentialsSchema>;
