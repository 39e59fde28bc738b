import { z } from 'zod';

// Shopify leaves absent parts null; we read them as optional. A part of the wrong type reads as absent, so the order
// becomes malformed naming the field (normalise.ts) instead of failing the page and stalling the pull behind it:
// only the order's identity (its id and name) is strict.
const text = z.string().nullish().catch(undefined);

const mailingAddress = z.object({
  firstName: text,
  lastName: text,
  company: text,
  address1: text,
  address2: text,
  city: text,
  province: text,
  provinceCode: text,
  zip: text,
  countryCodeV2: text,
  phone: text,
});

// Passed on as they are, so the order schema names a bad line ID or quantity.
const passed = z.unknown().optional();
const lineItemSchema = z.object({ id: passed, sku: text, productTitle: text, remainingQuantity: passed });

/** One fulfillment order as the AssignedFulfillmentOrders query selects it. */
export const fulfillmentOrderNodeSchema = z.object({
  id: z.string(),
  status: text,
  requestStatus: text,
  order: z.object({
    id: text,
    name: z.string(),
    email: text,
    note: text,
    createdAt: passed,
    shippingAddress: mailingAddress.nullish().catch(undefined),
    shippingLine: z.object({ title: text, code: text }).nullish().catch(undefined),
  }),
  destination: z
    .object({
      firstName: text,
      lastName: text,
      company: text,
      address1: text,
      address2: text,
      city: text,
      province: text,
      zip: text,
      countryCode: text,
      phone: text,
      email: text,
    })
    .nullish()
    .catch(undefined),
  // All the lines or none: an order missing some would ship short, one missing all is malformed.
  lineItems: z
    .object({ nodes: z.array(lineItemSchema), pageInfo: z.object({ hasNextPage: z.boolean() }) })
    .optional()
    .catch(undefined),
  merchantRequests: z.object({ nodes: z.array(z.object({ kind: text, message: text })) }).catch({ nodes: [] }),
});

export type FulfillmentOrderNode = z.infer<typeof fulfillmentOrderNodeSchema>;

/** The connection around it. */
export const assignedFulfillmentOrdersSchema = z.object({
  assignedFulfillmentOrders: z.object({
    nodes: z.array(fulfillmentOrderNodeSchema),
    pageInfo: z
      .object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() })
      // A next page with no cursor to reach it would have the pull list its first page again and again.
      .refine((info) => !info.hasNextPage || info.endCursor !== null, {
        path: ['endCursor'],
        message: 'required when hasNextPage is true',
      }),
  }),
});
