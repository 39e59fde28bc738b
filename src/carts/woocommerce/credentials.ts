import { z } from 'zod';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A store's REST API key (WooCommerce → Settings → Advanced → REST API, read/write). HTTPS only: WooCommerce accepts
 * HTTP Basic keys only over TLS, and a key sent in clear is a leaked key; loopback HTTP is allowed for the simulator.
 */
export const wooCommerceCredentialsSchema = z.object({
  /** The store's address as the merchant sees it, e.g. https://shop.example.com; the API is under /wp-json/. */
  siteUrl: z
    .url()
    .refine((value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    }, 'must be an https:// URL')
    .transform((value) => value.replace(/\/+$/, '')),
  consumerKey: z.string().trim().min(1),
  consumerSecret: z.string().trim().min(1),
});

export type WooCommerceCredentials = z.output<typeof wooCommerceCredentialsSchema>;
