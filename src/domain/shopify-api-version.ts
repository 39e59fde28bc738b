import { z } from 'zod';

/**
 * The Admin API version a Shopify cart uses unless its `apiVersion` setting says otherwise. Shopify releases a version
 * each quarter and supports each for 12 months (docs/shopify-api.md §Version); our documents are checked against it.
 */
export const DEFAULT_SHOPIFY_API_VERSION = '2026-10';

/** A stable version's name: `YYYY-MM`, released in January, April, July or October. */
export const shopifyApiVersionSchema = z
  .string()
  .regex(/^\d{4}-(01|04|07|10)$/, 'must be a Shopify API version YYYY-MM with MM one of 01, 04, 07, 10, e.g. 2026-10');
